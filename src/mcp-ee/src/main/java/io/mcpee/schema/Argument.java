package io.mcpee.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** How a resource method parameter gets its value from the tool call's arguments. */
public sealed interface Argument {

    /** Where a named parameter comes from in a REST call. */
    enum Source { PATH, QUERY, FORM, HEADER, COOKIE, MATRIX }

    /** A {@code @PathParam}, {@code @QueryParam}, ... : one property of the arguments object, converted from text. */
    record Named(Source source, String name, Type type, String defaultValue, List<Annotation> annotations)
            implements Argument {
        public Named {
            requireNonNull(source, "source is null");
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            annotations = List.copyOf(annotations);
        }
    }

    /** The entity body: one property of the arguments object, read with JSON-B. */
    record Body(String name, Type type, List<Annotation> annotations) implements Argument {
        public Body {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            annotations = List.copyOf(annotations);
        }
    }

    /** A {@code @BeanParam}: a new instance whose annotated fields are filled from their own properties. */
    record Bean(Class<?> type, List<BeanField> fields) implements Argument {
        public Bean {
            requireNonNull(type, "type is null");
            fields = List.copyOf(fields);
        }
    }

    record BeanField(Field field, Named value) {
        public BeanField {
            requireNonNull(field, "field is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A {@code @Context} parameter, given the MCP request's own context object of that type. */
    record Context(Class<?> type) implements Argument {
        public Context {
            requireNonNull(type, "type is null");
        }
    }
}
