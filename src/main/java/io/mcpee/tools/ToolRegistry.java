package io.mcpee.tools;

import io.mcpee.protocol.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The deployment's tools, as the CDI extension built them. */
@ApplicationScoped
public class ToolRegistry {
    private final ToolCatalog catalog;

    @Inject
    ToolRegistry(ToolExtension extension) {
        this.catalog = extension.catalog();
    }

    /** For the CDI client proxy only. */
    protected ToolRegistry() {
        this.catalog = null;
    }

    public List<Tool> page(int offset, int size) {
        return catalog.page(offset, size);
    }

    public int size() {
        return catalog.tools().size();
    }

    ToolDefinition find(String name) {
        return catalog.find(name);
    }
}
