package io.mcpee.tools;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Set;

/**
 * Completes the CDI extension's view of the deployment. With {@code bean-discovery-mode="annotated"} a plain
 * {@code @Path} class (no scope, not an EJB) is not a CDI type, so the extension never sees it, yet JAX-RS serves
 * it. The servlet container hands every {@code @Path} class of the web application to this initializer, which
 * adds those the extension missed; they are called as non-contextual instances, as JAX-RS itself would create them.
 */
@HandlesTypes(Path.class)
public class ResourceClassInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (classes == null || classes.isEmpty()) {
            return;
        }
        BeanManager beans = CDI.current().getBeanManager();
        ToolExtension extension = beans.getExtension(ToolExtension.class);
        int before = extension.catalog().tools().size();
        List<String> errors = extension.addResourcesCdiDidNotSee(classes);
        if (!errors.isEmpty()) {
            throw new ServletException("mcp-ee: " + String.join("; ", errors));
        }
        int after = extension.catalog().tools().size();
        if (after != before) {
            try {
                beans.getEvent().select(ToolCatalogChanged.class).fire(new ToolCatalogChanged(after));
            } catch (RuntimeException e) {
                throw new ServletException("mcp-ee: " + e.getMessage(), e);
            }
        }
    }
}
