package io.mcpee.protocol;

import java.util.List;

/** The MCP protocol revisions this server speaks, newest first. */
public final class ProtocolVersion {
    public static final String LATEST = "2025-11-25";
    /** What a request without an MCP-Protocol-Version header is taken to speak (Streamable HTTP, 2025-06-18+). */
    public static final String ASSUMED_WHEN_ABSENT = "2025-03-26";
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26");

    private ProtocolVersion() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
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
