package io.mcpee.schema;

import io.mcpee.api.Sensitive;
import io.mcpee.protocol.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schema 2020-12 for Java types as JSON-B maps them, with Bean Validation constraints as keywords.
 * The class of a value itself is written inline; a class used by a property of another class is written once under
 * {@code $defs} (named after the class: {@code Address} is {@code "address"}) and referred to with
 * {@code {"$ref":"#/$defs/address"}}, so a type that contains itself is described exactly. Whoever builds the
 * root schema adds {@link #definitions()} as its {@code $defs}: one generator per root schema.
 */
public final class SchemaGenerator {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String DEFS_POINTER = "#/$defs/";

    private final JsonbProperties.Direction direction;
    private final Map<Class<?>, String> definitionNames = new HashMap<>();
    private final Map<String, JsonObject> definitions = new LinkedHashMap<>();
    /** How many classes' schemas are being written around the current one. */
    private int depth;

    SchemaGenerator(JsonbProperties.Direction direction) {
        this.direction = direction;
    }

    public static SchemaGenerator forInput() {
        return new SchemaGenerator(JsonbProperties.Direction.READ_FROM_JSON);
    }

    public static SchemaGenerator forOutput() {
        return new SchemaGenerator(JsonbProperties.Direction.WRITE_TO_JSON);
    }

    /**
     * The schema of a value of {@code type}, constrained by the Bean Validation annotations among
     * {@code annotations}.
     */
    public JsonObject schemaOf(Type type, List<Annotation> annotations, String description) {
        JsonObjectBuilder schema = JsonText.BUILDERS.createObjectBuilder(typeSchema(type));
        if (direction == JsonbProperties.Direction.READ_FROM_JSON) {
            // constraints bind what a caller may send; a result is described, not checked
            constrain(schema, kindOf(type), annotations);
        }
        if (description != null) {
            schema.add("description", description);
        }
        return schema.build();
    }

    /** True when the annotations make a value mandatory. */
    public static boolean isRequired(List<Annotation> annotations) {
        return annotations.stream().anyMatch(a -> a instanceof NotNull || a instanceof NotBlank
                || a instanceof NotEmpty);
    }

    /** Optional, OptionalInt and the like are never required, whatever else they carry. */
    public static boolean isOptionalType(Type type) {
        Class<?> raw = raw(type);
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    public JsonObject typeSchema(Type type) {
        Class<?> raw = raw(type);
        JsonObjectBuilder schema = JsonText.BUILDERS.createObjectBuilder();
        if (raw == Optional.class) {
            return typeSchema(typeArgument(type, 0));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class) {
            return schema.add("type", "integer").build();
        }
        if (raw == OptionalDouble.class) {
            return schema.add("type", "number").build();
        }
        if (raw == String.class || raw == CharSequence.class) {
            return schema.add("type", "string").build();
        }
        if (raw == char.class || raw == Character.class) {
            return schema.add("type", "string").add("minLength", 1).add("maxLength", 1).build();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema.add("type", "boolean").build();
        }
        if (raw == int.class || raw == Integer.class) {
            return schema.add("type", "integer").add("minimum", Integer.MIN_VALUE).add("maximum", Integer.MAX_VALUE)
                    .build();
        }
        if (raw == short.class || raw == Short.class) {
            return schema.add("type", "integer").add("minimum", Short.MIN_VALUE).add("maximum", Short.MAX_VALUE)
                    .build();
        }
        if (raw == byte.class || raw == Byte.class) {
            return schema.add("type", "integer").add("minimum", Byte.MIN_VALUE).add("maximum", Byte.MAX_VALUE)
                    .build();
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return schema.add("type", "integer").build();
        }
        if (raw == float.class || raw == Float.class || raw == double.class || raw == Double.class
                || raw == BigDecimal.class) {
            return schema.add("type", "number").build();
        }
        String format = formatOf(raw);
        if (format != null) {
            return schema.add("type", "string").add("format", format).build();
        }
        if (raw == LocalDateTime.class) {
            return schema.add("type", "string").add("description", "local date and time, ISO-8601, no offset")
                    .build();
        }
        if (raw == Period.class || raw == Object.class) {
            return raw == Object.class ? schema.build() : schema.add("type", "string").build();
        }
        if (raw.isEnum()) {
            JsonArrayBuilder values = JsonText.BUILDERS.createArrayBuilder();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema.add("type", "string").add("enum", values).build();
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            Type element = raw.isArray() ? componentType(type) : typeArgument(type, 0);
            schema.add("type", "array").add("items", typeSchema(element));
            if (Set.class.isAssignableFrom(raw)) {
                schema.add("uniqueItems", true);
            }
            return schema.build();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return schema.add("type", "object").add("additionalProperties", typeSchema(typeArgument(type, 1)))
                    .build();
        }
        return objectSchema(raw);
    }

    /** The {@code $defs} of the schemas this generator wrote: empty when no class is used inside another. */
    JsonObject definitions() {
        JsonObjectBuilder defs = JsonText.BUILDERS.createObjectBuilder();
        definitions.forEach(defs::add);
        return defs.build();
    }

    /** Adds the {@code $defs} this generator collected to a root schema that it helped to write. */
    public JsonObject withDefinitions(JsonObject root) {
        if (definitions.isEmpty()) {
            return root;
        }
        return JsonText.BUILDERS.createObjectBuilder(root).add("$defs", definitions()).build();
    }

    private JsonObject objectSchema(Class<?> raw) {
        if (depth == 0) {
            return objectBody(raw);
        }
        String name = definitionNames.get(raw);
        if (name == null) {
            name = definitionName(raw);
            // named before it is written: a class that contains itself refers to this definition
            definitionNames.put(raw, name);
            definitions.put(name, JsonValue.EMPTY_JSON_OBJECT);
            definitions.put(name, objectBody(raw));
        }
        return JsonText.BUILDERS.createObjectBuilder().add("$ref", DEFS_POINTER + name).build();
    }

    /** "address" for Address; "address2" when another class named Address came first. */
    private String definitionName(Class<?> raw) {
        String base = JsonbProperties.decapitalize(raw.getSimpleName());
        String name = base;
        for (int i = 2; definitions.containsKey(name); i++) {
            name = base + i;
        }
        return name;
    }

    private JsonObject objectBody(Class<?> raw) {
        JsonObjectBuilder schema = JsonText.BUILDERS.createObjectBuilder().add("type", "object");
        depth++;
        try {
            String description = Annotations.openApiDescription(raw);
            if (description != null) {
                schema.add("description", description);
            }
            JsonObjectBuilder properties = JsonText.BUILDERS.createObjectBuilder();
            JsonArrayBuilder required = JsonText.BUILDERS.createArrayBuilder();
            boolean anyRequired = false;
            for (JsonbProperties.Property property : JsonbProperties.of(raw, direction)) {
                AnnotatedElement[] sources = property.sourceArray();
                if (direction == JsonbProperties.Direction.READ_FROM_JSON && Annotations.isReadOnly(sources)) {
                    // the server sets it: a caller is not offered it (and is refused if it sends it anyway)
                    continue;
                }
                List<Annotation> annotations = Annotations.all(sources);
                JsonObject propertySchema = schemaOf(property.type(), annotations,
                        Annotations.openApiDescription(sources));
                Sensitive sensitive = Annotations.sensitive(sources);
                if (direction == JsonbProperties.Direction.WRITE_TO_JSON && sensitive != null) {
                    propertySchema = maskable(propertySchema, sensitive);
                }
                properties.add(property.name(), propertySchema);
                if (direction == JsonbProperties.Direction.READ_FROM_JSON && isRequired(annotations)
                        && !isOptionalType(property.type())) {
                    required.add(property.name());
                    anyRequired = true;
                }
            }
            schema.add("properties", properties);
            if (anyRequired) {
                schema.add("required", required);
            }
            return schema.build();
        } finally {
            depth--;
        }
    }

    /**
     * The schema of a sensitive result property: it may hold the mask instead of its value, so a client that
     * checks {@code structuredContent} against the output schema accepts a masked result. A plain string admits
     * the mask already; anything else becomes {@code anyOf} its schema or the mask. {@code x-mcpee-sensitive} (an
     * annotation keyword, which 2020-12 allows and validators ignore) and the description tell a reader why.
     */
    static JsonObject maskable(JsonObject schema, Sensitive sensitive) {
        String description = schema.getString("description", null);
        JsonObjectBuilder bare = JsonText.BUILDERS.createObjectBuilder(schema).remove("description");
        JsonObject value = bare.build();
        boolean plainString = value.equals(JsonText.BUILDERS.createObjectBuilder().add("type", "string").build());
        JsonObjectBuilder result = plainString ? JsonText.BUILDERS.createObjectBuilder(value)
                : JsonText.BUILDERS.createObjectBuilder().add("anyOf", JsonText.BUILDERS.createArrayBuilder()
                        .add(value).add(JsonText.BUILDERS.createObjectBuilder().add("const", PropertyMarks.MASK)));
        String masking = "Sensitive: \"" + PropertyMarks.MASK + "\" " + (sensitive.unlessRole().isEmpty()
                ? "in every tool result." : "unless the caller has the role " + sensitive.unlessRole() + ".");
        String text = description == null ? masking
                : description + (description.endsWith(".") ? " " : ". ") + masking;
        return result.add("description", text)
                .add("x-mcpee-sensitive", true).build();
    }

    private static String formatOf(Class<?> raw) {
        if (raw == UUID.class) {
            return "uuid";
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == Date.class || Calendar.class.isAssignableFrom(raw)) {
            return "date-time";
        }
        if (raw == LocalDate.class) {
            return "date";
        }
        if (raw == LocalTime.class || raw == OffsetTime.class) {
            return "time";
        }
        if (raw == Duration.class) {
            return "duration";
        }
        if (raw == URI.class || raw == URL.class) {
            return "uri";
        }
        return null;
    }

    /** "string", "number", "integer", "array", "object" or "boolean": what the constraints apply to. */
    private String kindOf(Type type) {
        JsonObject schema = typeSchema(type);
        if (schema.containsKey("$ref")) {
            return "object";
        }
        return schema.containsKey("type") ? schema.getString("type") : "any";
    }

    private static void constrain(JsonObjectBuilder schema, String kind, List<Annotation> annotations) {
        boolean string = kind.equals("string");
        boolean array = kind.equals("array");
        boolean object = kind.equals("object");
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotBlank && string) {
                schema.add("minLength", 1).add("pattern", "\\S");
            } else if (annotation instanceof NotEmpty) {
                if (string) {
                    schema.add("minLength", 1);
                } else if (array) {
                    schema.add("minItems", 1);
                } else if (object) {
                    schema.add("minProperties", 1);
                }
            } else if (annotation instanceof Size size) {
                if (string) {
                    bounds(schema, "minLength", "maxLength", size);
                } else if (array) {
                    bounds(schema, "minItems", "maxItems", size);
                } else if (object) {
                    bounds(schema, "minProperties", "maxProperties", size);
                }
            } else if (annotation instanceof Min min) {
                schema.add("minimum", min.value());
            } else if (annotation instanceof Max max) {
                schema.add("maximum", max.value());
            } else if (annotation instanceof DecimalMin min) {
                schema.add(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
            } else if (annotation instanceof DecimalMax max) {
                schema.add(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
            } else if (annotation instanceof Positive) {
                schema.add("exclusiveMinimum", 0);
            } else if (annotation instanceof PositiveOrZero) {
                schema.add("minimum", 0);
            } else if (annotation instanceof Negative) {
                schema.add("exclusiveMaximum", 0);
            } else if (annotation instanceof NegativeOrZero) {
                schema.add("maximum", 0);
            } else if (annotation instanceof Pattern pattern && string) {
                schema.add("pattern", pattern.regexp());
            } else if (annotation instanceof Email && string) {
                schema.add("format", "email");
            }
        }
    }

    private static void bounds(JsonObjectBuilder schema, String minKey, String maxKey, Size size) {
        if (size.min() > 0) {
            schema.add(minKey, size.min());
        }
        if (size.max() < Integer.MAX_VALUE) {
            schema.add(maxKey, size.max());
        }
    }

    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return Object.class;
    }

    public static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        return ((Class<?>) type).getComponentType();
    }
}
