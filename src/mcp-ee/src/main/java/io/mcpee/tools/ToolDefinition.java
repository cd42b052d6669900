package io.mcpee.tools;

import io.mcpee.protocol.Tool;
import io.mcpee.schema.Argument;
import io.mcpee.schema.PropertyMarks;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A tool and the resource method behind it: what {@code tools/list} shows and what {@code tools/call} runs.
 * {@code input} marks the sensitive and read-only properties of the arguments object; {@code output} the sensitive
 * properties of the declared result type, or null when only the returned object's class can tell (a
 * {@code Response}, {@code Object}). {@code rateLimit} is what its {@code @McpTool} declares (as written; the
 * throttling settings parse and check it).
 */
public record ToolDefinition(Tool tool, ResourceMethod target, List<Argument> arguments, String producedMediaType,
                      AccessRule access, PropertyMarks input, PropertyMarks output, Optional<String> rateLimit) {

    public ToolDefinition {
        requireNonNull(access, "access is null");
        requireNonNull(tool, "tool is null");
        requireNonNull(target, "target is null");
        arguments = List.copyOf(arguments);
        requireNonNull(producedMediaType, "producedMediaType is null");
        requireNonNull(input, "input is null");
        requireNonNull(rateLimit, "rateLimit is null");
    }

    public String name() {
        return tool.name();
    }
}
