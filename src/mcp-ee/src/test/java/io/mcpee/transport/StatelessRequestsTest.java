package io.mcpee.transport;

import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.Message;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.protocol.RequestId;
import io.mcpee.protocol.RequestMeta;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which revision a POST speaks, and 2026-07-28's checks in the order the specification's rules need. */
class StatelessRequestsTest {
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    @Test
    void aRequestIsStatelessWhenItSaysSoAndBelongsToNoSession() {
        Message modern = request("tools/list", "{\"_meta\":" + META + "}");
        Message old = request("initialize", "{\"protocolVersion\":\"2025-11-25\"}");
        assertTrue(StatelessRequests.applies(null, "2026-07-28", old), "by its header");
        assertTrue(StatelessRequests.applies(null, "v999.0.0", old), "any revision without sessions");
        assertTrue(StatelessRequests.applies(null, null, modern), "by its _meta");
        assertTrue(StatelessRequests.applies(null, "2025-11-25", modern), "_meta wins over a session revision");
        assertFalse(StatelessRequests.applies(null, null, old), "an initialize");
        assertFalse(StatelessRequests.applies(null, "2025-11-25", old), "a session revision's request");
        assertFalse(StatelessRequests.applies("abc", "2026-07-28", modern), "a session's request");
        assertFalse(StatelessRequests.applies(null, null, request("tools/call",
                "{\"_meta\":{\"progressToken\":1}}")), "_meta without a protocol version is not enough");
        assertFalse(StatelessRequests.applies(null, null, null));
    }

    @Test
    void aWellFormedRequestPassesWithItsClient() {
        RequestMeta meta = check(headers("2026-07-28", "tools/call", " =?base64?ZWNobw==?= "),
                request("tools/call", "{\"name\":\"echo\",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                        + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}},"
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"2\"}}}"));
        assertEquals("c", meta.clientName());
        assertEquals("2", meta.clientVersion());
        assertTrue(meta.clientCapabilities().containsKey("sampling"));
        assertNull(check(headers("2026-07-28", "tools/list", null),
                request("tools/list", "{\"_meta\":" + META + "}")).clientName(), "clientInfo is optional");
    }

    @Test
    void theChecksRunInTheOrderTheirRulesNeed() {
        // no version header: a mismatch, whatever else is wrong
        assertCode(ErrorCode.HEADER_MISMATCH, headers(null, null, null), request("x", "{}"));
        // the header is there, _meta is not complete: invalid params, before comparing versions
        assertCode(ErrorCode.INVALID_PARAMS, headers("v9", null, null), request("x", "{}"));
        assertCode(ErrorCode.INVALID_PARAMS, headers("2026-07-28", "x", null), request("x",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}"));
        // header and _meta disagree: a mismatch before the version is judged
        assertCode(ErrorCode.HEADER_MISMATCH, headers("2026-07-28", null, null), request("x",
                "{\"_meta\":" + META.replace("2026-07-28", "v9") + "}"));
        ProtocolException unsupported = assertCode(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                headers("v9", null, null), request("x", "{\"_meta\":" + META.replace("2026-07-28", "v9") + "}"));
        JsonObject data = JsonText.parse(unsupported.dataJson()).asJsonObject();
        assertEquals("v9", data.getString("requested"));
        assertEquals("2026-07-28", data.getJsonArray("supported").getString(0));
        // then the method and the tool's name
        assertCode(ErrorCode.HEADER_MISMATCH, headers("2026-07-28", null, null), request("tools/list",
                "{\"_meta\":" + META + "}"));
        assertCode(ErrorCode.HEADER_MISMATCH, headers("2026-07-28", "TOOLS/LIST", null), request("tools/list",
                "{\"_meta\":" + META + "}"));
        assertCode(ErrorCode.HEADER_MISMATCH, headers("2026-07-28", "tools/call", null), request("tools/call",
                "{\"name\":\"echo\",\"_meta\":" + META + "}"));
        assertCode(ErrorCode.HEADER_MISMATCH, headers("2026-07-28", "tools/call", "other"), request("tools/call",
                "{\"name\":\"echo\",\"_meta\":" + META + "}"));
    }

    @Test
    void base64HeaderValuesMustBeValidAndPadded() {
        assertEquals("Hello", StatelessRequests.decoded("=?base64?SGVsbG8=?="));
        assertEquals("plain", StatelessRequests.decoded("plain"));
        assertEquals("=?base64?", StatelessRequests.decoded("=?base64?"), "no closing marker: literal");
        assertEquals(ErrorCode.HEADER_MISMATCH, assertThrows(ProtocolException.class,
                () -> StatelessRequests.decoded("=?base64?SGVsbG8?=")).code(), "padding missing");
        assertThrows(ProtocolException.class, () -> StatelessRequests.decoded("=?base64?SGVs!!!bG8=?="));
    }

    private static ProtocolException assertCode(ErrorCode code, Map<String, String> headers, Message.Request request) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> StatelessRequests.check(name -> headers.get(name.toLowerCase(Locale.ROOT)), request));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static Map<String, String> headers(String version, String method, String name) {
        Map<String, String> headers = new HashMap<>();
        if (version != null) {
            headers.put("mcp-protocol-version", version);
        }
        if (method != null) {
            headers.put("mcp-method", method);
        }
        if (name != null) {
            headers.put("mcp-name", name);
        }
        return headers;
    }

    private static RequestMeta check(Map<String, String> headers, Message.Request request) {
        return StatelessRequests.check(name -> headers.get(name.toLowerCase(Locale.ROOT)), request);
    }

    private static Message.Request request(String method, String params) {
        return new Message.Request(new RequestId(JsonText.number(1)), method,
                JsonText.parse(params).asJsonObject());
    }
}
