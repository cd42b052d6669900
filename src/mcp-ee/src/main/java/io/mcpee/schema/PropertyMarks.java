package io.mcpee.schema;

import io.mcpee.api.Sensitive;
import io.mcpee.protocol.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.GenericEntity;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the {@code @Sensitive} and read-only properties are in the JSON of a Java type, as JSON-B maps it: a
 * graph of object nodes (one per class, so a class that contains itself is a cycle, not an endless list of paths)
 * whose edges are property names, array items and map values. Made once per tool at deployment; a call only
 * follows it along the JSON-P tree of its arguments or result, and only into branches that hold a mark, so a tool
 * without marks costs nothing.
 */
public final class PropertyMarks {
    /** What a masked value becomes, in arguments and in results. */
    public static final String MASK = "***";
    public static final JsonValue MASK_VALUE = JsonText.string(MASK);
    /** Marks of a type with nothing sensitive or read-only anywhere inside it. */
    public static final PropertyMarks NONE = new PropertyMarks();

    /** Marks of the classes Response entities are found to be, made on first use and kept. */
    private static final ClassValue<PropertyMarks> BY_RUNTIME_CLASS = new ClassValue<>() {
        @Override
        protected PropertyMarks computeValue(Class<?> type) {
            return of(type, JsonbProperties.Direction.WRITE_TO_JSON);
        }
    };

    /** One property's marks; {@code unlessRole} is null when it is not sensitive, "" when it always is. */
    public record Mark(String unlessRole, boolean readOnly, PropertyMarks value) {
        public boolean sensitive() {
            return unlessRole != null;
        }
    }

    private final Map<String, Mark> properties = new LinkedHashMap<>();
    /** The marks of every array item or map value, or null. */
    private PropertyMarks elements;
    /** Something sensitive or read-only can be reached from here. */
    private boolean marked;
    /** The {@code unlessRole}s of the sensitive properties reachable from here ("" for "always masked"). */
    private Set<String> roles = Set.of();
    /**
     * {@code "name"} for each sensitive property reachable from here, as JSON writes it; null when a name would be
     * escaped in JSON, so its absence from the text proves nothing.
     */
    private List<String> quotedNames = List.of();

    private PropertyMarks() {
    }

    /** The marks of the JSON of {@code type}: its writable properties for input, its readable ones for output. */
    public static PropertyMarks of(Type type, JsonbProperties.Direction direction) {
        Builder builder = new Builder(direction);
        return builder.settle(builder.marks(type));
    }

    /**
     * The marks of a tool's arguments object: one property per named parameter (sensitive when the parameter is),
     * the body under its name with the marks of its type.
     */
    public static PropertyMarks ofArguments(List<Argument> arguments) {
        Builder builder = new Builder(JsonbProperties.Direction.READ_FROM_JSON);
        PropertyMarks root = builder.node();
        for (Argument argument : arguments) {
            if (argument instanceof Argument.Named named) {
                builder.put(root, named.name(), Annotations.sensitive(named.annotations()), false, NONE);
            } else if (argument instanceof Argument.Bean bean) {
                for (Argument.BeanField field : bean.fields()) {
                    builder.put(root, field.value().name(), Annotations.sensitive(field.value().annotations()),
                            false, NONE);
                }
            } else if (argument instanceof Argument.Body body) {
                builder.put(root, body.name(), Annotations.sensitive(body.annotations()), false,
                        builder.marks(body.type()));
            }
        }
        return builder.settle(root);
    }

    /**
     * The marks of an entity a {@code Response} carried: by its GenericEntity type, else by its class (a
     * collection by the class of its first element), as JSON-B will write it.
     */
    public static PropertyMarks ofEntity(Object entity, Type genericType) {
        if (genericType != null && !(genericType instanceof Class<?>)) {
            return of(genericType, JsonbProperties.Direction.WRITE_TO_JSON);
        }
        if (entity instanceof Collection<?> collection) {
            Object first = collection.stream().filter(e -> e != null).findFirst().orElse(null);
            return first == null ? NONE : itemsOf(BY_RUNTIME_CLASS.get(first.getClass()));
        }
        if (entity == null || entity instanceof GenericEntity<?>) {
            return NONE;
        }
        return BY_RUNTIME_CLASS.get(entity.getClass());
    }

    private static PropertyMarks itemsOf(PropertyMarks items) {
        if (!items.marked) {
            return NONE;
        }
        PropertyMarks list = new PropertyMarks();
        list.elements = items;
        list.marked = true;
        list.roles = items.roles;
        list.quotedNames = items.quotedNames;
        return list;
    }

    public boolean isMarked() {
        return marked;
    }

    /** The roles that unmask something here; "" among them means something is masked for everyone. */
    public Set<String> roles() {
        return roles;
    }

    /**
     * False when the JSON text certainly holds none of the sensitive properties (a customer without an ssn): then
     * there is nothing to mask and nothing to parse.
     */
    public boolean mayHoldSensitive(String json) {
        if (quotedNames == null) {
            return true;
        }
        for (String name : quotedNames) {
            if (json.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds every sensitive property reachable from here, by its JSON name, with the role that unmasks it ("" for
     * none) to {@code into}; each marks object is walked once, so recursive types end.
     */
    public void collectSensitive(Map<String, Set<String>> into) {
        collectSensitive(into, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private void collectSensitive(Map<String, Set<String>> into, Set<PropertyMarks> seen) {
        if (!marked || !seen.add(this)) {
            return;
        }
        if (elements != null) {
            elements.collectSensitive(into, seen);
        }
        properties.forEach((name, mark) -> {
            if (mark.sensitive()) {
                into.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(mark.unlessRole());
            }
            if (mark.value() != null) {
                mark.value().collectSensitive(into, seen);
            }
        });
    }

    public Mark property(String name) {
        return properties.get(name);
    }

    public PropertyMarks elements() {
        return elements;
    }

    /**
     * {@code value} with every sensitive property the caller may not see replaced by {@link #MASK}; the
     * same instance when nothing was replaced. {@code sees} answers for one role.
     */
    public JsonValue mask(JsonValue value, CallerRoles sees) {
        if (!marked) {
            return value;
        }
        if (elements != null) {
            return maskElements(value, sees);
        }
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        JsonObjectBuilder copy = null;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            Mark mark = properties.get(entry.getKey());
            if (mark == null) {
                continue;
            }
            JsonValue original = entry.getValue();
            JsonValue masked = original;
            if (mark.sensitive() && original.getValueType() != JsonValue.ValueType.NULL
                    && (mark.unlessRole().isEmpty() || !sees.has(mark.unlessRole()))) {
                masked = MASK_VALUE;
            } else if (mark.value().marked) {
                masked = mark.value().mask(original, sees);
            }
            if (masked != original) {
                if (copy == null) {
                    copy = JsonText.BUILDERS.createObjectBuilder(object);
                }
                // replaces the value in place: the property keeps its position
                copy.add(entry.getKey(), masked);
            }
        }
        return copy == null ? value : copy.build();
    }

    /** An array's items or a map's values, each by {@link #elements}. */
    private JsonValue maskElements(JsonValue value, CallerRoles sees) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = null;
            for (int i = 0; i < array.size(); i++) {
                JsonValue masked = elements.mask(array.get(i), sees);
                if (masked != array.get(i) && copy == null) {
                    copy = JsonText.BUILDERS.createArrayBuilder();
                    for (int j = 0; j < i; j++) {
                        copy.add(array.get(j));
                    }
                }
                if (copy != null) {
                    copy.add(masked);
                }
            }
            return copy == null ? value : copy.build();
        }
        if (value instanceof JsonObject map) {
            JsonObjectBuilder copy = null;
            for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
                JsonValue masked = elements.mask(entry.getValue(), sees);
                if (masked != entry.getValue()) {
                    if (copy == null) {
                        copy = JsonText.BUILDERS.createObjectBuilder(map);
                    }
                    copy.add(entry.getKey(), masked);
                }
            }
            return copy == null ? value : copy.build();
        }
        return value;
    }

    /** "customer.id: is read-only and cannot be set" for every read-only property {@code value} sets. */
    public void readOnlyProblems(JsonValue value, String path, List<String> problems) {
        if (!marked) {
            return;
        }
        if (elements != null) {
            if (value instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    elements.readOnlyProblems(array.get(i), path + "[" + i + "]", problems);
                }
            } else if (value instanceof JsonObject map) {
                map.forEach((key, item) -> elements.readOnlyProblems(item, join(path, key), problems));
            }
            return;
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                Mark mark = properties.get(entry.getKey());
                if (mark == null) {
                    continue;
                }
                String where = join(path, entry.getKey());
                if (mark.readOnly()) {
                    problems.add(where + ": is read-only and cannot be set");
                } else {
                    mark.value().readOnlyProblems(entry.getValue(), where, problems);
                }
            }
        }
    }

    /** A property name JSON writes without escapes: no quote, backslash, control or non-ASCII character. */
    private static boolean isWrittenAsIs(String name) {
        return name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Builds the graph for one root type; {@link #settle} then keeps only the branches that lead to a mark. */
    private static final class Builder {
        private final JsonbProperties.Direction direction;
        private final Map<Class<?>, PropertyMarks> classes = new HashMap<>();
        private final List<PropertyMarks> nodes = new ArrayList<>();

        Builder(JsonbProperties.Direction direction) {
            this.direction = direction;
        }

        PropertyMarks node() {
            PropertyMarks node = new PropertyMarks();
            nodes.add(node);
            return node;
        }

        void put(PropertyMarks node, String name, Sensitive sensitive, boolean readOnly, PropertyMarks value) {
            node.properties.put(name, new Mark(sensitive == null ? null : sensitive.unlessRole(), readOnly, value));
        }

        /** Follows the type as {@link SchemaGenerator#typeSchema} does; scalars and JDK types mark nothing. */
        PropertyMarks marks(Type type) {
            Class<?> raw = SchemaGenerator.raw(type);
            if (raw == Optional.class) {
                return marks(SchemaGenerator.typeArgument(type, 0));
            }
            if (raw.isArray() || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                Type element = raw.isArray() ? elementOf(type)
                        : SchemaGenerator.typeArgument(type, Map.class.isAssignableFrom(raw) ? 1 : 0);
                PropertyMarks container = node();
                container.elements = marks(element);
                return container;
            }
            if (raw.isPrimitive() || raw.isEnum() || raw == Object.class || raw == OptionalInt.class
                    || raw == OptionalLong.class || raw == OptionalDouble.class || isPlatformType(raw)) {
                return NONE;
            }
            PropertyMarks known = classes.get(raw);
            if (known != null) {
                return known;
            }
            PropertyMarks node = node();
            // registered before its properties are followed: a class that contains itself refers to this node
            classes.put(raw, node);
            for (JsonbProperties.Property property : JsonbProperties.of(raw, direction)) {
                var sources = property.sourceArray();
                boolean readOnly = direction == JsonbProperties.Direction.READ_FROM_JSON
                        && Annotations.isReadOnly(sources);
                put(node, property.name(), Annotations.sensitive(sources), readOnly,
                        readOnly ? NONE : marks(property.type()));
            }
            return node;
        }

        private static Type elementOf(Type type) {
            if (type instanceof java.lang.reflect.GenericArrayType array) {
                return array.getGenericComponentType();
            }
            return ((Class<?>) type).getComponentType();
        }

        private static boolean isPlatformType(Class<?> raw) {
            String name = raw.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.");
        }

        /**
         * Marks every node from which a sensitive or read-only property can be reached (until nothing changes: a
         * cycle is marked when any node on it leads to a mark), drops the branches that lead nowhere, and collects
         * each node's unmasking roles. Returns {@code root}, or {@link #NONE} when it holds no mark at all.
         */
        PropertyMarks settle(PropertyMarks root) {
            for (PropertyMarks node : nodes) {
                node.marked = node.properties.values().stream().anyMatch(m -> m.sensitive() || m.readOnly());
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (PropertyMarks node : nodes) {
                    if (!node.marked && ((node.elements != null && node.elements.marked)
                            || node.properties.values().stream().anyMatch(m -> m.value().marked))) {
                        node.marked = true;
                        changed = true;
                    }
                }
            }
            for (PropertyMarks node : nodes) {
                node.properties.values().removeIf(m -> !m.sensitive() && !m.readOnly() && !m.value().marked);
                if (node.elements != null && !node.elements.marked) {
                    node.elements = null;
                }
            }
            for (PropertyMarks node : nodes) {
                Set<String> roles = new TreeSet<>();
                Set<String> names = new TreeSet<>();
                collectSensitive(node, roles, names,
                        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                node.roles = Set.copyOf(roles);
                node.quotedNames = names.stream().allMatch(PropertyMarks::isWrittenAsIs)
                        ? names.stream().map(n -> "\"" + n + "\"").toList() : null;
            }
            return root.marked ? root : NONE;
        }

        private static void collectSensitive(PropertyMarks node, Set<String> roles, Set<String> names,
                                             Set<PropertyMarks> seen) {
            if (!seen.add(node)) {
                return;
            }
            node.properties.forEach((name, mark) -> {
                if (mark.sensitive()) {
                    roles.add(mark.unlessRole());
                    names.add(name);
                }
                collectSensitive(mark.value(), roles, names, seen);
            });
            if (node.elements != null) {
                collectSensitive(node.elements, roles, names, seen);
            }
        }
    }
}
