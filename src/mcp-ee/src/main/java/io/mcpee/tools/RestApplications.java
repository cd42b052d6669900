package io.mcpee.tools;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Application;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Where the web application serves each resource class over REST: the context root plus the mapping of the
 * JAX-RS application that serves the class. A tool's {@code UriInfo} starts there, so a URI a resource builds
 * points where a REST client would go, not at {@code /mcp}.
 *
 * <p>JAX-RS registers every application as a servlet named after its {@code Application} subclass (or with that
 * class in its {@code jakarta.ws.rs.Application} init parameter, or named {@code jakarta.ws.rs.core.Application}
 * in web.xml), mapped to its {@code @ApplicationPath} or web.xml mapping. An application whose {@code getClasses()}
 * and {@code getSingletons()} are empty serves every resource class of the web application; one that lists
 * classes serves only those. Worked out once per resource class, on the first tool call that asks for a URI.
 */
public final class RestApplications {
    private static final Logger LOG = Logger.getLogger(RestApplications.class.getName());
    static final String DEFAULT_APPLICATION = "jakarta.ws.rs.core.Application";
    static final String APPLICATION_PARAMETER = "jakarta.ws.rs.Application";

    private final ServletContext servletContext;
    private final Map<Class<?>, String> basePaths = new ConcurrentHashMap<>();

    public RestApplications(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    /** An application as deployed: its mapping below the context root ("api", or "" for "/*") and its classes. */
    record Deployed(String name, String path, Set<Class<?>> classes) {
        Deployed {
            classes = Set.copyOf(classes);
        }

        boolean servesEveryResource() {
            return classes.isEmpty();
        }
    }

    /** "/ctx/api/": the absolute path, ending in '/', of the application that serves this resource class. */
    public String basePath(Class<?> resourceClass) {
        return basePaths.computeIfAbsent(resourceClass, type -> {
            String path = applicationPath(type, deployed(type.getClassLoader()));
            return servletContext.getContextPath() + "/" + (path.isEmpty() ? "" : path + "/");
        });
    }

    /**
     * The mapping of the application that serves the class: one that lists it first, else one that serves every
     * class (by name, when there are several, as no rule of JAX-RS picks one), else the context root.
     */
    static String applicationPath(Class<?> resourceClass, List<Deployed> applications) {
        List<Deployed> sorted = new ArrayList<>(applications);
        sorted.sort(Comparator.comparing(Deployed::name));
        return sorted.stream().filter(a -> a.classes().contains(resourceClass)).findFirst()
                .or(() -> sorted.stream().filter(Deployed::servesEveryResource).findFirst())
                .map(Deployed::path)
                .orElse("");
    }

    /** "/api/*" → "api", "/*" → ""; empty for a mapping that is not a path prefix. */
    static Optional<String> prefix(String mapping) {
        if (mapping == null || !mapping.startsWith("/") || !mapping.endsWith("/*")) {
            return Optional.empty();
        }
        return Optional.of(PathTemplate.normalize(mapping.substring(0, mapping.length() - 2)));
    }

    /**
     * The JAX-RS applications of the web application as deployed: each one's name (its {@code Application} class, or
     * {@code jakarta.ws.rs.core.Application}) and its mapping below the context root ({@code "api"}).
     */
    public Map<String, String> applicationMappings(ClassLoader loader) {
        Map<String, String> mappings = new java.util.TreeMap<>();
        deployed(loader).forEach(application -> mappings.put(application.name(), application.path()));
        return mappings;
    }

    private List<Deployed> deployed(ClassLoader loader) {
        List<Deployed> applications = new ArrayList<>();
        for (ServletRegistration servlet : servletContext.getServletRegistrations().values()) {
            String name = Optional.ofNullable(servlet.getInitParameter(APPLICATION_PARAMETER))
                    .orElse(servlet.getName());
            Optional<String> path = servlet.getMappings().stream().map(RestApplications::prefix)
                    .flatMap(Optional::stream).findFirst();
            if (path.isEmpty()) {
                continue;
            }
            if (DEFAULT_APPLICATION.equals(name)) {
                applications.add(new Deployed(name, path.get(), Set.of()));
            } else {
                classesOf(name, loader).ifPresent(classes -> applications.add(
                        new Deployed(name, path.get(), classes)));
            }
        }
        return applications;
    }

    /** The classes an Application subclass lists, or empty when the name is not one. */
    private static Optional<Set<Class<?>>> classesOf(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // a servlet of the application's own, not a JAX-RS application
        }
        if (!Application.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        try {
            // JAX-RS itself instantiates the class with its public no-argument constructor to ask the same
            Application application = (Application) type.getConstructor().newInstance();
            Set<Class<?>> classes = new HashSet<>(application.getClasses());
            application.getSingletons().forEach(singleton -> classes.add(singleton.getClass()));
            return Optional.of(classes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "mcp-ee: cannot ask JAX-RS application " + name + " for its classes ("
                    + e.getClass().getSimpleName() + "); tool URIs will not use its path");
            return Optional.empty();
        }
    }
}
