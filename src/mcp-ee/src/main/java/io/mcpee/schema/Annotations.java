package io.mcpee.schema;

import io.mcpee.api.ReadOnly;
import io.mcpee.api.Sensitive;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads annotations of optional APIs by name. MicroProfile OpenAPI is not on every server's classpath
 * (WildFly's full profile lacks it), so mcp-ee must not link against it: an application that uses it brings it.
 */
public final class Annotations {
    public static final String OPENAPI_OPERATION = "org.eclipse.microprofile.openapi.annotations.Operation";
    static final String OPENAPI_PARAMETER = "org.eclipse.microprofile.openapi.annotations.parameters.Parameter";
    static final String OPENAPI_SCHEMA = "org.eclipse.microprofile.openapi.annotations.media.Schema";
    /** JPA is read by name too: the tools package must not need JPA on a server that lacks it. */
    static final String JPA_GENERATED_VALUE = "jakarta.persistence.GeneratedValue";
    static final String JPA_VERSION = "jakarta.persistence.Version";

    private Annotations() {
    }

    static Annotation byName(Annotation[] annotations, String typeName) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(typeName)) {
                return annotation;
            }
        }
        return null;
    }

    public static Annotation byName(AnnotatedElement element, String typeName) {
        return element == null ? null : byName(element.getAnnotations(), typeName);
    }

    /** A String attribute of an annotation known only by name; blank and missing give null. */
    public static String text(Annotation annotation, String attribute) {
        if (annotation == null) {
            return null;
        }
        try {
            Method accessor = annotation.annotationType().getMethod(attribute);
            Object value = accessor.invoke(annotation);
            return value instanceof String s && !s.isBlank() ? s.strip() : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The description an application wrote with OpenAPI's @Parameter or @Schema, or null. */
    public static String openApiDescription(AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            String description = text(byName(element, OPENAPI_PARAMETER), "description");
            if (description == null) {
                description = text(byName(element, OPENAPI_SCHEMA), "description");
            }
            if (description != null) {
                return description;
            }
        }
        return null;
    }

    /** The same, for a method parameter's annotations. */
    public static String openApiDescription(Annotation[] annotations) {
        String description = text(byName(annotations, OPENAPI_PARAMETER), "description");
        return description != null ? description : text(byName(annotations, OPENAPI_SCHEMA), "description");
    }

    /**
     * A property the server sets and a tool call may not: {@code @ReadOnly}, or a generated id or version (JPA
     * {@code @GeneratedValue}, {@code @Version}) on any of its sources. An assigned {@code @Id} is not read-only:
     * a caller must give it.
     */
    static boolean isReadOnly(AnnotatedElement... sources) {
        for (AnnotatedElement source : sources) {
            if (source != null && (source.isAnnotationPresent(ReadOnly.class)
                    || byName(source, JPA_GENERATED_VALUE) != null || byName(source, JPA_VERSION) != null)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code @Sensitive} on any of a property's sources, or null. */
    static Sensitive sensitive(AnnotatedElement... sources) {
        for (AnnotatedElement source : sources) {
            Sensitive sensitive = source == null ? null : source.getAnnotation(Sensitive.class);
            if (sensitive != null) {
                return sensitive;
            }
        }
        return null;
    }

    /** The {@code @Sensitive} among a parameter's annotations, or null. */
    static Sensitive sensitive(List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Sensitive sensitive) {
                return sensitive;
            }
        }
        return null;
    }

    static List<Annotation> all(AnnotatedElement... elements) {
        List<Annotation> all = new ArrayList<>();
        for (AnnotatedElement element : elements) {
            if (element != null) {
                all.addAll(List.of(element.getAnnotations()));
            }
        }
        return all;
    }
}
