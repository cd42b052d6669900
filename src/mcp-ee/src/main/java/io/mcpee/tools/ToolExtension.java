package io.mcpee.tools;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The portable CDI extension that turns JAX-RS resources into tools. It sees every root resource class CDI
 * discovers (CDI beans, session beans, and with {@code bean-discovery-mode="all"} plain classes), builds the tool
 * catalog once the deployment's types are known, and fails the deployment with every problem it finds.
 */
public class ToolExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(ToolExtension.class.getName());

    private final Set<Class<?>> resourceClasses = new LinkedHashSet<>();
    private final Set<Class<?>> paramConverterProviders = new LinkedHashSet<>();
    private final Set<Class<?>> exceptionMappers = new LinkedHashSet<>();
    private final Set<String> declaredRoles = new java.util.TreeSet<>();
    private volatile ToolCatalog catalog = ToolCatalog.empty();

    <T> void resources(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (ResourceScanner.isRootResource(type)) {
            resourceClasses.add(type);
            declaredRoles.addAll(RoleNames.of(type));
            if (!isOurs(type) && !Modifier.isFinal(type.getModifiers())) {
                // what a resource method returned, for the REST door's masking (final methods cannot be intercepted)
                Set<Method> methods = new HashSet<>();
                ResourceScanner.resourceMethods(type).forEach(m -> methods.add(m.method()));
                event.configureAnnotatedType().methods().stream()
                        .filter(m -> methods.contains(m.getAnnotated().getJavaMember())
                                && !Modifier.isFinal(m.getAnnotated().getJavaMember().getModifiers()))
                        .forEach(m -> m.add(ResourceMethodCall.Literal.INSTANCE));
            }
        }
    }

    /** mcp-ee's own resources (the MCP endpoint, the admin API), which come from the jar this class comes from. */
    private static boolean isOurs(Class<?> type) {
        var ours = ToolExtension.class.getProtectionDomain().getCodeSource();
        var theirs = type.getProtectionDomain().getCodeSource();
        return ours != null && theirs != null && ours.getLocation() != null
                && ours.getLocation().equals(theirs.getLocation());
    }

    <T> void applications(@Observes @WithAnnotations(DeclareRoles.class) ProcessAnnotatedType<T> event) {
        declaredRoles.addAll(RoleNames.of(event.getAnnotatedType().getJavaClass()));
    }

    <T> void providers(@Observes @WithAnnotations(Provider.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (ParamConverterProvider.class.isAssignableFrom(type)) {
            paramConverterProviders.add(type);
        }
        // mcp-ee's own mappers are not @Providers (their applications list them), so all found here are the app's
        if (ExceptionMapper.class.isAssignableFrom(type)) {
            exceptionMappers.add(type);
        }
    }

    void buildCatalog(@Observes AfterBeanDiscovery event) {
        for (String error : rebuild()) {
            event.addDefinitionError(new DeploymentException("mcp-ee: " + error));
        }
    }

    /**
     * Adds root resource classes that CDI did not discover (see {@link ResourceClassInitializer}) and rebuilds the
     * catalog; returns the problems that must fail the deployment.
     */
    synchronized List<String> addResourcesCdiDidNotSee(Collection<Class<?>> classes) {
        boolean added = false;
        for (Class<?> type : classes) {
            if (ResourceScanner.isRootResource(type) && resourceClasses.add(type)) {
                declaredRoles.addAll(RoleNames.of(type));
                added = true;
            }
        }
        return added ? rebuild() : List.of();
    }

    private List<String> rebuild() {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        ToolFilter filter = ToolFilter.of(list(config, "mcpee.tools.include"), list(config, "mcpee.tools.exclude"));
        long start = System.nanoTime();
        ToolCatalog.Build build = ToolCatalog.build(resourceClasses, filter);
        long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        build.warnings().forEach(LOG::warning);
        catalog = build.catalog();
        LOG.info(() -> "mcp-ee: " + catalog.tools().size() + " tools from " + resourceClasses.size()
                + " resource classes (built in " + millis + " ms)");
        return build.errors();
    }

    private static List<String> list(Config config, String key) {
        Optional<String[]> values = config.getOptionalValue(key, String[].class);
        return values.map(List::of).orElse(List.of());
    }

    /** The catalog as last built: a volatile read, on the path of every call. */
    ToolCatalog catalog() {
        return catalog;
    }

    synchronized Set<String> declaredRoles() {
        return Set.copyOf(declaredRoles);
    }

    public Set<Class<?>> exceptionMappers() {
        return Set.copyOf(exceptionMappers);
    }

    public Set<Class<?>> paramConverterProviders() {
        return Set.copyOf(paramConverterProviders);
    }
}
