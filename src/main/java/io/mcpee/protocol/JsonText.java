package io.mcpee.protocol;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonObject;

/**
 * JSON helpers on the hot path. The factories are looked up once: {@code jakarta.json.Json.createXxx} runs a
 * service-loader lookup on every call.
 */
public final class JsonText {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    public static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private JsonText() {
    }

    /** Parses any JSON value; throws {@link jakarta.json.JsonException} (a parse error) on malformed input. */
    public static JsonValue parse(String json) {
        try (var reader = READERS.createReader(new StringReader(json))) {
            return reader.readValue();
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
