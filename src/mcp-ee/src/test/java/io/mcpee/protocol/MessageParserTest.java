package io.mcpee.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageParserTest {

    @Test
    void readsRequestsNotificationsAndResponses() {
        Message.Request request = assertInstanceOf(Message.Request.class, single(
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}"));
        assertEquals("\"a\"", request.id().toJson());
        assertEquals("x", request.params().getString("cursor"));
        Message.Notification notification = assertInstanceOf(Message.Notification.class,
                single("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertTrue(notification.params().isEmpty());
        Message.Response result = assertInstanceOf(Message.Response.class,
                single("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"action\":\"accept\"}}"));
        assertEquals("3", result.id().toJson());
        assertEquals("{\"action\":\"accept\"}", result.result().toString());
        assertNull(result.error());
        Message.Response error = assertInstanceOf(Message.Response.class, single(
                "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"error\":{\"code\":-1,\"message\":\"declined\"}}"));
        assertEquals("declined", error.error().getString("message"));
        assertNull(error.result());
    }

    @Test
    void aResponseHasAResultOrAnErrorObject() {
        assertInstanceOf(Message.Invalid.class, single("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":\"no\"}"));
        assertInstanceOf(Message.Invalid.class,
                single("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{\"code\":1}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}     | 1    | Invalid request: \"jsonrpc\" must be \"2.0\"",
            "{\"jsonrpc\":\"2.0\",\"id\":1}                         | 1    | Invalid request: \"method\" is missing",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}            | 1    | Invalid request: \"method\" must be a string",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}  | null | Invalid request: \"id\" must not be null",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}    | null | id must be a string or a number",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"p\",\"params\":1} | 2 | Invalid request: \"params\" must be an object",
            "[1]                                                    | null | Invalid request: a message must be a JSON object"})
    void invalidMessagesKeepTheirIdWhenReadable(String json, String id, String error) {
        MessageParser.Envelope envelope = MessageParser.parse(json);
        Message.Invalid invalid = assertInstanceOf(Message.Invalid.class, envelope.messages().get(0));
        assertEquals(id, invalid.id().toJson());
        assertEquals(error, invalid.error());
    }

    @Test
    void malformedJsonIsAParseError() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageParser.parse("{\"a\":"));
        assertEquals(ErrorCode.PARSE_ERROR, e.code());
        assertEquals(ErrorCode.PARSE_ERROR, assertThrows(ProtocolException.class,
                () -> MessageParser.parse("")).code());
    }

    /** What the JSON parser refuses past its limits, or finds after the value, is a parse error too: not a 500. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"deep", "long number", "trailing text", "second value"})
    void jsonPastTheParsersLimitsOrFollowedByMoreIsAParseError(String kind) {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String body = switch (kind) {
            case "deep" -> "[".repeat(10_000) + "]".repeat(10_000);
            case "long number" -> "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(5000) + ",\"method\":\"ping\"}";
            case "trailing text" -> ping + " xx";
            default -> ping + " " + ping;
        };
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageParser.parse(body));
        assertEquals(ErrorCode.PARSE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Parse error: "), e.getMessage());
        assertInstanceOf(Message.Request.class, single(ping + " \n\t"), "whitespace after the value is fine");
    }

    @Test
    void batchesKeepEachMessage() {
        MessageParser.Envelope envelope = MessageParser.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"n\"},{\"oops\":1}]");
        assertTrue(envelope.batch());
        assertEquals(3, envelope.messages().size());
        assertInstanceOf(Message.Invalid.class, envelope.messages().get(2));
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(ProtocolException.class,
                () -> MessageParser.parse("[]")).code());
        assertFalse(MessageParser.parse("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}").batch());
    }

    private static Message single(String json) {
        return MessageParser.parse(json).messages().get(0);
    }
}
