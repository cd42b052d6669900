package io.mcpee.tools;

import io.mcpee.api.McpIgnore;
import io.mcpee.protocol.Tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool of the deployment, made once at deployment. Building it reports every problem at once (name clashes,
 * invalid names), each naming the methods involved, so a developer fixes them in one pass.
 */
public record ToolCatalog(List<ToolDefinition> tools, Map<String, ToolDefinition> byName) {

    public ToolCatalog {
        tools = List.copyOf(tools);
        byName = Map.copyOf(byName);
    }

    static ToolCatalog empty() {
        return new ToolCatalog(List.of(), Map.of());
    }

    /** The catalog, or the problems that make the deployment invalid, plus the methods left out and why. */
    public record Build(ToolCatalog catalog, List<String> errors, List<String> warnings) {
        public Build {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    public static Build build(Collection<Class<?>> resourceClasses, ToolFilter filter) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        List<Class<?>> ordered = new ArrayList<>(resourceClasses);
        ordered.sort(Comparator.comparing(Class::getName));
        for (Class<?> resourceClass : ordered) {
            if (resourceClass.isAnnotationPresent(McpIgnore.class)) {
                continue;
            }
            for (ResourceMethod method : ResourceScanner.resourceMethods(resourceClass)) {
                if (method.method().isAnnotationPresent(McpIgnore.class)) {
                    continue;
                }
                ToolFactory.Outcome outcome;
                try {
                    outcome = ToolFactory.create(method);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    errors.add(method + ": " + e.getMessage());
                    continue;
                }
                if (outcome instanceof ToolFactory.Outcome.Unsupported unsupported) {
                    warnings.add(method + " is not a tool: " + unsupported.reason());
                    continue;
                }
                ToolDefinition tool = ((ToolFactory.Outcome.Made) outcome).definition();
                if (tool.access() instanceof AccessRule.NoOne
                        && !ResourceScanner.annotatedDeclaration(resourceClass, method.method())
                        .isAnnotationPresent(jakarta.annotation.security.DenyAll.class)
                        && !resourceClass.isAnnotationPresent(jakarta.annotation.security.DenyAll.class)) {
                    warnings.add(method + " has no @RolesAllowed or @PermitAll, so no caller may use its tool "
                            + tool.name());
                }
                if (!filter.admits(tool.name())) {
                    continue;
                }
                ToolDefinition clash = byName.putIfAbsent(tool.name(), tool);
                if (clash != null) {
                    errors.add("two resource methods make the tool \"" + tool.name() + "\": "
                            + clash.target().displayName() + " and " + method.displayName()
                            + "; rename one with @McpTool(name = ...) or exclude it with @McpIgnore");
                }
            }
        }
        List<ToolDefinition> tools = new ArrayList<>(byName.values());
        tools.sort(Comparator.comparing(ToolDefinition::name));
        return new Build(new ToolCatalog(tools, byName), errors, warnings);
    }

    public ToolDefinition find(String name) {
        return byName.get(name);
    }

    List<Tool> page(int offset, int size) {
        int from = Math.min(offset, tools.size());
        int to = Math.min(tools.size(), from + size);
        return tools.subList(from, to).stream().map(ToolDefinition::tool).toList();
    }
}
