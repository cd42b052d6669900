package io.mcpee.transport;

import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

/**
 * What this server says about itself: its name and version, capabilities and instructions, in {@code initialize}
 * (older revisions) and {@code server/discover} (2026-07-28), and the members 2026-07-28 puts on every result. The
 * JSON is written once: none of it depends on the request.
 */
@ApplicationScoped
class ServerDescription {
    static final String INSTRUCTIONS = "The tools are this application's REST operations; each call runs as the "
            + "authenticated caller, with the application's own permission checks.";

    private final String version;
    private final String complete;
    private final String completeList;
    private final String inputRequired;
    private final String discover;

    @Inject
    ServerDescription(TransportConfig config) {
        this.version = config.serverVersion();
        // every 2026-07-28 result names the server that answered it
        String meta = "\"_meta\":" + JsonText.BUILDERS.createObjectBuilder()
                .add("io.modelcontextprotocol/serverInfo", serverInfo()).build();
        this.complete = "\"resultType\":\"complete\"," + meta;
        this.inputRequired = "\"resultType\":\"input_required\"," + meta;
        // a tools/list shows only the tools the caller may call, so it is the caller's own: never shared
        this.completeList = complete + ",\"ttlMs\":" + config.cacheTtl().toMillis() + ",\"cacheScope\":\"private\"";
        // the same for every caller
        this.discover = "{" + complete + ",\"ttlMs\":" + config.cacheTtl().toMillis() + ",\"cacheScope\":\"public\","
                + JsonText.BUILDERS.createObjectBuilder()
                .add("supportedVersions", JsonText.BUILDERS.createArrayBuilder(ProtocolVersion.SERVED))
                .add("capabilities", capabilities())
                .add("instructions", INSTRUCTIONS)
                .build().toString().substring(1);
    }

    /** For the CDI client proxy only. */
    protected ServerDescription() {
        this.version = null;
        this.complete = null;
        this.completeList = null;
        this.inputRequired = null;
        this.discover = null;
    }

    /** The result of {@code initialize} for the negotiated revision. */
    String initializeResult(String protocolVersion) {
        return JsonText.BUILDERS.createObjectBuilder()
                .add("protocolVersion", protocolVersion)
                .add("capabilities", capabilities())
                .add("serverInfo", serverInfo())
                .add("instructions", INSTRUCTIONS)
                .build().toString();
    }

    /** The result of {@code server/discover}. */
    String discover() {
        return discover;
    }

    /** The members every complete 2026-07-28 result starts with (JSON object members, no braces). */
    String complete() {
        return complete;
    }

    /** The members an {@code input_required} result of a tool call starts with. */
    String inputRequired() {
        return inputRequired;
    }

    /** The same, and the caching hints of a caller's {@code tools/list}. */
    String completeList() {
        return completeList;
    }

    private static JsonObjectBuilder capabilities() {
        // a caller's tool list changes with its grants (ListeningStreams tells the listening clients); log
        // messages from the tools' McpExchange, for clients that ask for them
        return JsonText.BUILDERS.createObjectBuilder()
                .add("logging", JsonText.BUILDERS.createObjectBuilder())
                .add("tools", JsonText.BUILDERS.createObjectBuilder().add("listChanged", true));
    }

    private JsonObjectBuilder serverInfo() {
        return JsonText.BUILDERS.createObjectBuilder().add("name", "mcp-ee").add("title", "mcp-ee")
                .add("version", version);
    }
}
