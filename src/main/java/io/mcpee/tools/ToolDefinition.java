package io.mcpee.tools;

import io.mcpee.protocol.Tool;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A tool and the resource method behind it: what {@code tools/list} shows and what {@code tools/call} runs, and the
 * rate limit its {@code @McpTool} declares (as written; the throttling settings parse and check it).
 */
record ToolDefinition(Tool tool, ResourceMethod target, List<Argument> arguments, String producedMediaType,
                      AccessRule access, Optional<String> rateLimit) {

    ToolDefinition {
        requireNonNull(access, "access is null");
        requireNonNull(tool, "tool is null");
        requireNonNull(target, "target is null");
        arguments = List.copyOf(arguments);
        requireNonNull(producedMediaType, "producedMediaType is null");
        requireNonNull(rateLimit, "rateLimit is null");
    }

    String name() {
        return tool.name();
    }
}
