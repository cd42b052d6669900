package io.mcpee.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolValuesTest {

    @Test
    void errorsAreWellFormedJsonRpc() {
        String error = Responses.error(new RequestId(JsonText.string("r1")), ErrorCode.METHOD_NOT_FOUND,
                "Method not found: \"x\"\n");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"error\":{\"code\":-32601,\"message\":"
                + "\"Method not found: \\\"x\\\"\\n\"}}", error);
        assertEquals(error, JsonText.parse(error).toString(), "round-trips through a JSON parser");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}",
                Responses.result(new RequestId(JsonText.number(7)), "{}"));
    }

    @Test
    void errorsMayCarryData() {
        String error = Responses.error(new RequestId(JsonText.number(3)), ErrorCode.TOO_MANY_REQUESTS,
                "Too many requests: retry after 12 s", "{\"retryAfter\":12}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32029,\"message\":"
                + "\"Too many requests: retry after 12 s\",\"data\":{\"retryAfter\":12}}}", error);
        assertEquals(error, JsonText.parse(error).toString(), "round-trips through a JSON parser");
    }

    @Test
    void statelessErrorsLeaveOutAnUnreadableIdAndCarryDataOnlyWhenGiven() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}",
                Responses.statelessError(RequestId.NULL, ErrorCode.PARSE_ERROR, "Parse error", null));
        String error = Responses.statelessError(new RequestId(JsonText.string("d")),
                ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported", "{\"requested\":\"x\"}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"d\",\"error\":{\"code\":-32022,\"message\":\"Unsupported\","
                + "\"data\":{\"requested\":\"x\"}}}", error);
        assertEquals(error, JsonText.parse(error).toString(), "round-trips through a JSON parser");
    }

    @Test
    void membersGoToTheFrontOfAResultEmptyOrNot() {
        assertEquals("{\"resultType\":\"complete\"}", Responses.withMembers("{}", "\"resultType\":\"complete\""));
        assertEquals("{\"resultType\":\"complete\",\"tools\":[]}",
                Responses.withMembers("{\"tools\":[]}", "\"resultType\":\"complete\""));
        assertThrows(IllegalArgumentException.class, () -> Responses.withMembers("[]", "\"a\":1"));
    }

    @Test
    void quotingEscapesEverythingJsonRequires() {
        String nasty = "a\"b\\c\u0000\u001f\t\r\n\b\f\u2028é😀";
        assertEquals(nasty, ((jakarta.json.JsonString) JsonText.parse(JsonText.quote(nasty))).getString());
    }

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        assertEquals(25, Cursor.decode(Cursor.encode(25)));
        for (String forged : List.of("", "abc", "bWNwZWUtdjE6LTE", "bWNwZWUtdjE6MA", "%%%")) {
            assertEquals(ErrorCode.INVALID_PARAMS, assertThrows(ProtocolException.class,
                    () -> Cursor.decode(forged)).code(), forged);
        }
    }

    @Test
    void versionsAreNegotiated() {
        assertEquals("2025-06-18", ProtocolVersion.negotiate("2025-06-18"));
        assertEquals("2025-03-26", ProtocolVersion.negotiate("2025-03-26"));
        assertEquals(ProtocolVersion.LATEST, ProtocolVersion.negotiate("2024-11-05"));
        assertTrue(ProtocolVersion.allowsBatches("2025-03-26"));
        assertFalse(ProtocolVersion.allowsBatches("2025-06-18"));
    }

    @Test
    void toolResultsSerializeStructuredContentVerbatim() {
        CallToolResult json = CallToolResult.json("{\"a\":1}");
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"a\\\":1}\"}],\"structuredContent\":{\"a\":1},"
                + "\"isError\":false}", json.toJson());
        CallToolResult mixed = new CallToolResult(List.of(new Content.Image("AAAA", "image/png"),
                new Content.EmbeddedResource("test://x", "text/plain", "hi", null)), null, false);
        assertEquals("{\"content\":[{\"type\":\"image\",\"data\":\"AAAA\",\"mimeType\":\"image/png\"},"
                + "{\"type\":\"resource\",\"resource\":{\"uri\":\"test://x\",\"mimeType\":\"text/plain\","
                + "\"text\":\"hi\"}}],\"isError\":false}", mixed.toJson());
    }

    @Test
    void toolNamesFollowTheSpec() {
        assertThrows(IllegalArgumentException.class, () -> new Tool("bad name", null, "d",
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT, null, new ToolAnnotations(null, null, null, null)));
        assertTrue(Tool.isValidName("a.b-c_d"));
    }
}
