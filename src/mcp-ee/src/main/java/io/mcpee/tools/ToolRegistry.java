package io.mcpee.tools;

import io.mcpee.protocol.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The deployment's tools, as the CDI extension built them. Read from the extension on each use, never copied: the
 * servlet container may hand the extension resource classes CDI did not see after CDI has started
 * ({@link ResourceClassInitializer}), and beans made before then must see those tools too.
 */
@ApplicationScoped
public class ToolRegistry {
    private final ToolExtension extension;

    @Inject
    ToolRegistry(ToolExtension extension) {
        this.extension = extension;
    }

    /** For the CDI client proxy only. */
    protected ToolRegistry() {
        this.extension = null;
    }

    /** A page of the tools whose access rule {@code visible} accepts, and whether more follow. */
    public Page page(int offset, int size, Predicate<AccessRule> visible) {
        List<Tool> tools = extension.catalog().tools().stream().filter(t -> visible.test(t.access())).map(ToolDefinition::tool)
                .toList();
        int from = Math.min(offset, tools.size());
        int to = Math.min(tools.size(), from + size);
        return new Page(tools.subList(from, to), to < tools.size() ? to : -1, tools.size());
    }

    /** Tools of one page; {@code next} is the offset of the next page, or -1. */
    public record Page(List<Tool> tools, int next, int total) {
    }

    public Optional<AccessRule> accessRule(String name) {
        ToolDefinition tool = extension.catalog().find(name);
        return tool == null ? Optional.empty() : Optional.of(tool.access());
    }

    /** The names of every tool of the deployment. */
    public Set<String> names() {
        return extension.catalog().byName().keySet();
    }

    /** The rate limit the tool's {@code @McpTool(rateLimit)} declares, as written; empty for none or no such tool. */
    public Optional<String> declaredRateLimit(String name) {
        ToolDefinition tool = extension.catalog().find(name);
        return tool == null ? Optional.empty() : tool.rateLimit();
    }

    /** The resource method behind a tool ({@code io.mcpee.demo.CustomerResource.create}); empty for no such tool. */
    public Optional<String> target(String name) {
        ToolDefinition tool = extension.catalog().find(name);
        return tool == null ? Optional.empty() : Optional.of(tool.target().displayName());
    }

    /** Every tool of the deployment, in the catalog's order; the same list until the catalog changes. */
    public List<ToolDefinition> all() {
        return extension.catalog().tools();
    }

    public ToolDefinition find(String name) {
        return extension.catalog().find(name);
    }
}
