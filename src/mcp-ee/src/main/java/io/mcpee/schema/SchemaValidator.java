package io.mcpee.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks tool arguments against the input schema mcp-ee generated: the keywords {@link SchemaGenerator} writes,
 * nothing more. Every problem is reported (path, what was expected, what came), so a model can fix them all at
 * once. String values are never echoed: an argument may be a secret.
 */
public final class SchemaValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    public static List<String> validate(JsonObject schema, JsonValue value) {
        List<String> problems = new ArrayList<>();
        new Walk(schema, problems).check(schema, value, "");
        return problems;
    }

    /** One validation: the root schema, whose {@code $defs} a {@code $ref} names, and the problems found. */
    private record Walk(JsonObject root, List<String> problems) {

        void check(JsonObject schema, JsonValue value, String path) {
            String ref = schema.getString("$ref", null);
            if (ref != null) {
                JsonObject target = definition(ref);
                int before = problems.size();
                if (target != null) {
                    check(target, value, path);
                }
                if (problems.size() > before) {
                    return;
                }
            }
            SchemaValidator.check(this, schema, value, path, problems);
        }

        /** The schema a {@code "#/$defs/name"} reference names, or null: the generator writes no other kind. */
        private JsonObject definition(String ref) {
            JsonObject defs = root.getJsonObject("$defs");
            if (!ref.startsWith(SchemaGenerator.DEFS_POINTER) || defs == null) {
                return null;
            }
            JsonValue target = defs.get(ref.substring(SchemaGenerator.DEFS_POINTER.length()));
            return target instanceof JsonObject object ? object : null;
        }
    }

    private static void check(Walk walk, JsonObject schema, JsonValue value, String path, List<String> problems) {
        String type = schema.getString("type", null);
        if (type != null && !hasType(value, type)) {
            problems.add(where(path) + "expected " + article(type) + ", got " + describe(value));
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(where(path) + "expected one of " + allowed + ", got " + describe(value));
            return;
        }
        switch (value.getValueType()) {
            case STRING -> checkString(schema, ((JsonString) value).getString(), path, problems);
            case NUMBER -> checkNumber(schema, ((JsonNumber) value).bigDecimalValue(), path, problems);
            case ARRAY -> checkArray(walk, schema, value.asJsonArray(), path, problems);
            case OBJECT -> checkObject(walk, schema, value.asJsonObject(), path, problems);
            default -> {
            }
        }
    }

    private static void checkObject(Walk walk, JsonObject schema, JsonObject object, String path,
                                    List<String> problems) {
        JsonObject properties = schema.getJsonObject("properties");
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonValue name : required) {
                String key = ((JsonString) name).getString();
                if (!object.containsKey(key)) {
                    problems.add(where(join(path, key)) + "is required");
                }
            }
        }
        JsonValue additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            JsonValue propertySchema = properties == null ? null : properties.get(entry.getKey());
            if (propertySchema == null) {
                propertySchema = additional;
            }
            if (propertySchema == JsonValue.FALSE) {
                problems.add(where(join(path, entry.getKey())) + "is not an accepted argument"
                        + (properties == null ? "" : " (accepted: " + String.join(", ", properties.keySet()) + ")"));
            } else if (propertySchema instanceof JsonObject nested) {
                walk.check(nested, entry.getValue(), join(path, entry.getKey()));
            }
        }
        int size = object.size();
        if (schema.containsKey("minProperties") && size < schema.getInt("minProperties")) {
            problems.add(where(path) + "expected at least " + schema.getInt("minProperties") + " properties, got "
                    + size);
        }
        if (schema.containsKey("maxProperties") && size > schema.getInt("maxProperties")) {
            problems.add(where(path) + "expected at most " + schema.getInt("maxProperties") + " properties, got "
                    + size);
        }
    }

    private static void checkArray(Walk walk, JsonObject schema, JsonArray array, String path,
                                   List<String> problems) {
        JsonObject items = schema.getJsonObject("items");
        if (items != null) {
            for (int i = 0; i < array.size(); i++) {
                walk.check(items, array.get(i), path + "[" + i + "]");
            }
        }
        if (schema.containsKey("minItems") && array.size() < schema.getInt("minItems")) {
            problems.add(where(path) + "expected at least " + schema.getInt("minItems") + " items, got "
                    + array.size());
        }
        if (schema.containsKey("maxItems") && array.size() > schema.getInt("maxItems")) {
            problems.add(where(path) + "expected at most " + schema.getInt("maxItems") + " items, got "
                    + array.size());
        }
        if (schema.getBoolean("uniqueItems", false) && new HashSet<>(array).size() != array.size()) {
            problems.add(where(path) + "expected unique items, got duplicates");
        }
    }

    private static void checkNumber(JsonObject schema, BigDecimal number, String path, List<String> problems) {
        bound(schema, "minimum", number, path, problems, c -> c >= 0, "at least");
        bound(schema, "maximum", number, path, problems, c -> c <= 0, "at most");
        bound(schema, "exclusiveMinimum", number, path, problems, c -> c > 0, "greater than");
        bound(schema, "exclusiveMaximum", number, path, problems, c -> c < 0, "less than");
    }

    private static void bound(JsonObject schema, String keyword, BigDecimal number, String path,
                              List<String> problems, java.util.function.IntPredicate ok, String words) {
        JsonNumber limit = schema.getJsonNumber(keyword);
        if (limit != null && !ok.test(number.compareTo(limit.bigDecimalValue()))) {
            problems.add(where(path) + "expected a number " + words + " " + limit + ", got " + number);
        }
    }

    private static void checkString(JsonObject schema, String text, String path, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (schema.containsKey("minLength") && length < schema.getInt("minLength")) {
            problems.add(where(path) + "expected at least " + schema.getInt("minLength") + " characters, got "
                    + length);
        }
        if (schema.containsKey("maxLength") && length > schema.getInt("maxLength")) {
            problems.add(where(path) + "expected at most " + schema.getInt("maxLength") + " characters, got "
                    + length);
        }
        String regex = schema.getString("pattern", null);
        if (regex != null && !pattern(regex).matcher(text).find()) {
            problems.add(where(path) + "expected a string matching " + regex + ", got one that does not");
        }
        String format = schema.getString("format", null);
        if (format != null && !hasFormat(format, text)) {
            problems.add(where(path) + "expected " + format + " format, got a string that is not");
        }
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return Pattern.compile("");
            }
        });
    }

    static boolean hasFormat(String format, String text) {
        try {
            switch (format) {
                case "email" -> {
                    return EMAIL.matcher(text).matches();
                }
                case "uuid" -> {
                    return text.length() == 36 && UUID.fromString(text) != null;
                }
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "time" -> {
                    try {
                        OffsetTime.parse(text);
                    } catch (DateTimeParseException e) {
                        LocalTime.parse(text);
                    }
                }
                case "duration" -> java.time.Duration.parse(text);
                case "uri" -> {
                    return java.net.URI.create(text).isAbsolute();
                }
                default -> {
                }
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE
                    || value.getValueType() == JsonValue.ValueType.FALSE;
            case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case "integer" -> value.getValueType() == JsonValue.ValueType.NUMBER && isIntegral((JsonNumber) value);
            case "null" -> value.getValueType() == JsonValue.ValueType.NULL;
            default -> true;
        };
    }

    static boolean isIntegral(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "the boolean " + value;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String where(String path) {
        return path.isEmpty() ? "arguments: " : path + ": ";
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
