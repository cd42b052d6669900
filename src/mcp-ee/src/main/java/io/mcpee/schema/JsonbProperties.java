package io.mcpee.schema;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties JSON-B reads or writes for a class, by the JSON-B default rules: record components; public fields;
 * private fields with a public accessor; accessors without a field. {@code @JsonbProperty} renames,
 * {@code @JsonbTransient} removes; lexicographic order, as JSON-B's default.
 */
public final class JsonbProperties {

    public enum Direction { READ_FROM_JSON, WRITE_TO_JSON }

    /** One JSON property; {@code sources} are the field and accessors that carry its annotations. */
    record Property(String name, Type type, List<AnnotatedElement> sources) {
        Property {
            sources = List.copyOf(sources);
        }

        AnnotatedElement[] sourceArray() {
            return sources.toArray(AnnotatedElement[]::new);
        }
    }

    private JsonbProperties() {
    }

    static List<Property> of(Class<?> type, Direction direction) {
        if (type.isRecord()) {
            return records(type);
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                        && !field.isSynthetic()) {
                    candidates.computeIfAbsent(field.getName(), n -> new Candidate()).field = field;
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                    || method.isBridge()) {
                continue;
            }
            String name = method.getName();
            if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3
                    && method.getReturnType() != void.class) {
                candidates.computeIfAbsent(decapitalize(name.substring(3)), n -> new Candidate()).getter = method;
            } else if (method.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2
                    && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
                candidates.computeIfAbsent(decapitalize(name.substring(2)), n -> new Candidate()).getter = method;
            } else if (method.getParameterCount() == 1 && name.startsWith("set") && name.length() > 3) {
                candidates.computeIfAbsent(decapitalize(name.substring(3)), n -> new Candidate()).setter = method;
            }
        }
        List<Property> properties = new ArrayList<>();
        candidates.forEach((javaName, candidate) -> {
            if (candidate.isTransient() || !candidate.isVisible(direction)) {
                return;
            }
            Type propertyType = candidate.type(direction);
            String name = candidate.jsonName(javaName, direction);
            properties.add(new Property(name, propertyType, candidate.sources()));
        });
        properties.sort(Comparator.comparing(Property::name));
        return properties;
    }

    private static List<Property> records(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            List<AnnotatedElement> sources = new ArrayList<>();
            sources.add(component);
            sources.add(component.getAccessor());
            try {
                sources.add(type.getDeclaredField(component.getName()));
            } catch (NoSuchFieldException e) {
                // a record always has the field; nothing to add if a proxy hides it
            }
            if (sources.stream().anyMatch(s -> s.isAnnotationPresent(JsonbTransient.class))) {
                continue;
            }
            String name = sources.stream().map(s -> s.getAnnotation(JsonbProperty.class))
                    .filter(p -> p != null && !p.value().isEmpty()).map(JsonbProperty::value).findFirst()
                    .orElse(component.getName());
            properties.add(new Property(name, component.getGenericType(), sources));
        }
        properties.sort(Comparator.comparing(Property::name));
        return properties;
    }

    public static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static final class Candidate {
        Field field;
        Method getter;
        Method setter;

        boolean isTransient() {
            return sources().stream().anyMatch(s -> s.isAnnotationPresent(JsonbTransient.class));
        }

        boolean isVisible(Direction direction) {
            boolean publicField = field != null && Modifier.isPublic(field.getModifiers());
            return switch (direction) {
                case READ_FROM_JSON -> setter != null
                        || (publicField && !Modifier.isFinal(field.getModifiers()));
                case WRITE_TO_JSON -> getter != null || publicField;
            };
        }

        Type type(Direction direction) {
            if (direction == Direction.READ_FROM_JSON && setter != null) {
                return setter.getGenericParameterTypes()[0];
            }
            if (direction == Direction.WRITE_TO_JSON && getter != null) {
                return getter.getGenericReturnType();
            }
            return field.getGenericType();
        }

        String jsonName(String javaName, Direction direction) {
            Method accessor = direction == Direction.READ_FROM_JSON ? setter : getter;
            for (AnnotatedElement source : new AnnotatedElement[]{accessor, field}) {
                JsonbProperty property = source == null ? null : source.getAnnotation(JsonbProperty.class);
                if (property != null && !property.value().isEmpty()) {
                    return property.value();
                }
            }
            return javaName;
        }

        List<AnnotatedElement> sources() {
            List<AnnotatedElement> sources = new ArrayList<>(3);
            if (field != null) {
                sources.add(field);
            }
            if (getter != null) {
                sources.add(getter);
            }
            if (setter != null) {
                sources.add(setter);
            }
            return sources;
        }
    }
}
