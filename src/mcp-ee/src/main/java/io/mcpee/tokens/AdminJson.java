package io.mcpee.tokens;

import io.mcpee.protocol.JsonText;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A request body of the admin API, read with JSON-P field by field instead of bound by JSON-B.
 * <p>
 * Why not JSON-B with an {@code ExceptionMapper}: a body JSON-B cannot bind (malformed JSON, a string where an
 * array belongs, a date it cannot parse) fails inside the JAX-RS runtime as a {@code ProcessingException} (a 500,
 * its message full of Java class names), and a {@code [null]} binds to a set holding null. A mapper for
 * {@code ProcessingException} could only answer "bad body" without naming the field, could not show the exception's
 * text (class names, and the value, which may be a pasted secret), would also turn the server's own processing
 * failures (writing a response) into 400s, and depends on how Jersey and RESTEasy each wrap the failure. Read here,
 * every refusal is a {@link TokenException} 400 that names the field and the shape expected, never the value, and
 * the same on every server.
 * <p>
 * Properties the API does not know are ignored, as JSON-B ignored them; JSON null is the same as absent.
 */
final class AdminJson {
    /** Far more than any token or group request needs (a few hundred permissions of 200 characters). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonObject body;

    private AdminJson(JsonObject body) {
        this.body = body;
    }

    /**
     * The body as the request streams it, read up to {@value #MAX_BODY_BYTES} bytes: any authenticated user may
     * call this API (for tokens of their own), and a body of unbounded size would be held whole in memory.
     */
    static AdminJson read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw refused("the body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new TokenException(413, "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        return read(bytes);
    }

    /** The body, which must be one JSON object in UTF-8 (RFC 8259 allows no other encoding between systems). */
    static AdminJson read(byte[] body) {
        String text = utf8(body == null ? new byte[0] : body);
        if (text.isBlank()) {
            throw refused("a JSON body is required");
        }
        JsonValue value;
        try {
            value = JsonText.parse(text);
        } catch (JsonParsingException e) {
            // the location only: the parser's message may quote the text around it
            throw refused("the body is not valid JSON" + where(e.getLocation()));
        } catch (JsonException e) {
            // past the parser's limits: Parsson refuses nesting deeper than 1000
            throw refused("the body is not valid JSON or nested too deeply");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw refused("the body must be a JSON object");
        }
        return new AdminJson(value.asJsonObject());
    }

    /** Decoded strictly: a malformed byte is refused, never replaced. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refused("the body is not UTF-8 text");
        }
    }

    String string(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw refused(name + " must be a string");
    }

    Boolean bool(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw refused(name + " must be true or false");
        };
    }

    /** An ISO-8601 instant: {@code 2030-01-01T00:00:00Z} (or with an offset instead of Z). */
    Instant instant(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        String expected = name + " must be an ISO-8601 instant with a time and a zone, such as 2030-01-01T00:00:00Z";
        if (!(value instanceof JsonString text)) {
            throw refused(expected);
        }
        try {
            return Instant.parse(text.getString());
        } catch (DateTimeParseException e) {
            // not e.getMessage(): it quotes the text, which could be anything the caller pasted
            throw refused(expected);
        }
    }

    /** An array of strings; no nulls, no other values. Duplicates count once. */
    Set<String> strings(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw refused(name + " must be an array of strings");
        }
        Set<String> strings = new LinkedHashSet<>();
        for (JsonValue element : value.asJsonArray()) {
            if (!(element instanceof JsonString text)) {
                throw refused(name + " must be an array of strings");
            }
            strings.add(text.getString());
        }
        return strings;
    }

    /** The property's value; null if absent or JSON null. */
    private JsonValue value(String name) {
        JsonValue value = body.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static TokenException refused(String message) {
        return new TokenException(400, message);
    }
}
