package io.mcpee.protocol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of {@code tools/call}. {@code structuredJson} is the JSON object text of {@code structuredContent}
 * (or null): it is kept as text so a resource's JSON is serialised once and copied, never parsed again.
 */
public record CallToolResult(List<Content> content, String structuredJson, boolean isError) {

    public CallToolResult {
        content = List.copyOf(requireNonNull(content, "content is null"));
    }

    public static CallToolResult error(String message) {
        return new CallToolResult(List.of(new Content.Text(message)), null, true);
    }

    /** JSON output: the same document as structured content and, for older clients, as text. */
    public static CallToolResult json(String jsonObjectText) {
        return new CallToolResult(List.of(new Content.Text(jsonObjectText)), jsonObjectText, false);
    }

    public String toJson() {
        return writeJson(new StringBuilder(64 + (structuredJson == null ? 64 : structuredJson.length() * 2)))
                .toString();
    }

    /** Appends this result's JSON to {@code out}, so a response is written into one buffer. */
    public StringBuilder writeJson(StringBuilder out) {
        out.append("{\"content\":[");
        for (int i = 0; i < content.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Content item = content.get(i);
            if (item instanceof Content.Text text) {
                // the hot path: no intermediate JSON tree for the common text item
                JsonText.quote(out.append("{\"type\":\"text\",\"text\":"), text.text()).append('}');
            } else {
                out.append(item.toJson());
            }
        }
        out.append(']');
        if (structuredJson != null) {
            out.append(",\"structuredContent\":").append(structuredJson);
        }
        return out.append(",\"isError\":").append(isError).append('}');
    }
}
