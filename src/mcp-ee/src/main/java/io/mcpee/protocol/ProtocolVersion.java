package io.mcpee.protocol;

import java.util.List;
import java.util.stream.Stream;

/**
 * The MCP protocol revisions this server speaks. 2026-07-28 is stateless: every request names its revision in its
 * {@code _meta}. The older ones open a session with {@code initialize} and are negotiated there.
 */
public final class ProtocolVersion {
    /** The stateless revision: no {@code initialize}, no sessions. */
    public static final String STATELESS = "2026-07-28";
    /** The newest revision a session can be opened with. */
    public static final String LATEST = "2025-11-25";
    /** What a request without an MCP-Protocol-Version header is taken to speak (Streamable HTTP, 2025-06-18+). */
    public static final String ASSUMED_WHEN_ABSENT = "2025-03-26";
    /** The revisions {@code initialize} negotiates, newest first. */
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26");
    /** The revisions that have sessions at all, also those this server no longer speaks. */
    private static final List<String> WITH_SESSIONS = Stream.concat(SUPPORTED.stream(), Stream.of("2024-11-05"))
            .toList();
    /** Every revision served, newest first: what {@code server/discover} and a version refusal name. */
    public static final List<String> SERVED = Stream.concat(Stream.of(STATELESS), SUPPORTED.stream()).toList();

    private ProtocolVersion() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** A revision of the session era: its requests go through {@code initialize} and a session. */
    public static boolean hasSessions(String version) {
        return WITH_SESSIONS.contains(version);
    }

    /** The client's version if we speak it, else our latest: the client then decides whether to go on. */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }

    /** JSON-RPC batches exist only in 2025-03-26; later revisions removed them. */
    public static boolean allowsBatches(String version) {
        return "2025-03-26".equals(version);
    }
}
