package io.mcpee.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.Map;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/**
 * JSON helpers on the hot path. The factories are looked up once: {@code jakarta.json.Json.createXxx} runs a
 * service-loader lookup on every call.
 */
public final class JsonText {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    public static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private JsonText() {
    }

    /**
     * Parses one JSON value with nothing but whitespace after it. Throws {@link JsonException} on malformed input,
     * on trailing content, and on input past the parser's limits (nesting depth, length of a number), which
     * Parsson reports as plain runtime exceptions.
     */
    public static JsonValue parse(String json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) { // Parsson throws here already; another provider may answer true
                throw new JsonException("content after the JSON value");
            }
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonException("the JSON nests too deeply or holds too long a number");
        }
    }

    public static JsonObject parseObject(String json) {
        return parse(json).asJsonObject();
    }

    public static JsonValue string(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonValue number(long value) {
        return PROVIDER.createValue(value);
    }

    /** Appends {@code value} as a JSON string literal, escaped as RFC 8259 requires. */
    public static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        int clean = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            // copy the run of characters that need no escape in one go
            out.append(value, clean, i);
            clean = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(value, clean, value.length()).append('"');
    }

    public static String quote(String value) {
        return quote(new StringBuilder(value.length() + 2), value).toString();
    }
}
