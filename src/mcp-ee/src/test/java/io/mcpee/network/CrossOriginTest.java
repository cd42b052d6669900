package io.mcpee.network;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which preflights CORS allows at /mcp, and with what headers. */
class CrossOriginTest {
    private final CrossOrigin cors = new CrossOrigin(Optional.of(" https://Inspector.example , https://b.example"));

    @Test
    void onlyListedOriginsAreAllowedCaseInsensitively() {
        Map<String, String> headers = new LinkedHashMap<>();
        assertNull(cors.preflight("https://inspector.EXAMPLE", "POST", "Authorization, Mcp-Session-Id", headers::put));
        assertEquals("https://inspector.EXAMPLE", headers.get("Access-Control-Allow-Origin"), "the origin as sent");
        assertEquals("true", headers.get("Access-Control-Allow-Credentials"));
        assertEquals("GET, POST, DELETE", headers.get("Access-Control-Allow-Methods"));
        assertEquals("Authorization, Mcp-Session-Id", headers.get("Access-Control-Allow-Headers"));
        assertEquals("Origin", headers.get("Vary"));

        Map<String, String> none = new LinkedHashMap<>();
        assertTrue(cors.preflight("https://evil.example", "POST", null, none::put).contains("not allowed"));
        assertTrue(cors.preflight("http://localhost:6274", "POST", null, none::put).contains("not allowed"),
                "loopback is not opened unless listed");
        assertTrue(none.isEmpty(), "a refused preflight gets no CORS header");
    }

    @Test
    void onlyTheMethodsAndHeadersOfMcp() {
        Map<String, String> headers = new LinkedHashMap<>();
        assertTrue(cors.preflight("https://b.example", "PUT", null, headers::put).contains("PUT"));
        assertTrue(cors.preflight("https://b.example", "POST", "content-type, cookie", headers::put)
                .contains("cookie"));
        assertNull(cors.preflight("https://b.example", "DELETE", "mcp-session-id", headers::put));
        assertNull(cors.preflight("https://b.example", "GET", "last-event-id, mcp-protocol-version, accept",
                headers::put));
    }

    @Test
    void nothingIsListedByDefault() {
        CrossOrigin closed = new CrossOrigin(Optional.empty());
        assertTrue(closed.allowedOrigins().isEmpty());
        assertTrue(closed.preflight("https://inspector.example", "POST", null, (k, v) -> { }) != null);
    }
}
