package io.mcpee.invocation;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A tool call's headers are those of the REST request it stands for, built on the MCP request's. */
class ToolHttpHeadersTest {

    /** The MCP request's headers, as a client sends them; only the header map is asked for. */
    private record McpRequestHeaders(MultivaluedMap<String, String> map) implements HttpHeaders {
        static McpRequestHeaders of(Map<String, String> headers) {
            MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
            headers.forEach(map::add);
            return new McpRequestHeaders(map);
        }

        @Override
        public List<String> getRequestHeader(String name) {
            return map.get(name);
        }

        @Override
        public String getHeaderString(String name) {
            return map.getFirst(name);
        }

        @Override
        public MultivaluedMap<String, String> getRequestHeaders() {
            return map;
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Cookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getLength() {
            throw new UnsupportedOperationException();
        }
    }

    private static final McpRequestHeaders MCP = McpRequestHeaders.of(Map.of(
            "Authorization", "Bearer secret", "Accept", "application/json, text/event-stream",
            "Content-Type", "application/json", "Content-Length", "321", "Mcp-Session-Id", "abc",
            "MCP-Protocol-Version", "2025-11-25", "User-Agent", "agent/1.0", "Accept-Language", "de"));

    @Test
    void theMcpExchangesOwnHeadersGiveWayToTheRestRequests() {
        ToolHttpHeaders headers = new ToolHttpHeaders(MCP, "text/plain", null, Map.of(), Map.of());
        assertEquals("text/plain", headers.getHeaderString("accept"));
        assertNull(headers.getHeaderString("Content-Type"));
        assertNull(headers.getHeaderString("Content-Length"));
        assertNull(headers.getRequestHeader("mcp-session-id"));
        assertFalse(headers.getRequestHeaders().containsKey("MCP-Protocol-Version"));
        assertEquals("Bearer secret", headers.getHeaderString("AUTHORIZATION"));
        assertEquals("agent/1.0", headers.getHeaderString("user-agent"));
        assertEquals("de", headers.getHeaderString("Accept-Language"));
        assertEquals(0, headers.getLength());
    }

    @Test
    void aBodyHasItsContentType() {
        ToolHttpHeaders headers = new ToolHttpHeaders(MCP, "application/json", "application/json", Map.of(),
                Map.of());
        assertEquals("application/json", headers.getHeaderString("Content-Type"));
        assertEquals(-1, headers.getLength());
    }

    @Test
    void headerArgumentsAreHeadersButNeverReplaceTheCredential() {
        ToolHttpHeaders headers = new ToolHttpHeaders(MCP, "text/plain", null,
                Map.of("X-Tenant", List.of("north", "south"), "authorization", List.of("Bearer forged"),
                        "User-Agent", List.of("tool/2")), Map.of());
        assertEquals(List.of("north", "south"), headers.getRequestHeader("x-tenant"));
        assertEquals("north,south", headers.getHeaderString("X-Tenant"));
        assertEquals("Bearer secret", headers.getHeaderString("Authorization"));
        assertEquals("tool/2", headers.getHeaderString("User-Agent"));
    }

    @Test
    void cookieArgumentsJoinTheCookieHeaderUnlessTheMcpRequestHasThatCookie() {
        McpRequestHeaders withSession = McpRequestHeaders.of(Map.of("Cookie", "JSESSIONID=s1"));
        ToolHttpHeaders headers = new ToolHttpHeaders(withSession, "text/plain", null, Map.of(),
                Map.of("theme", "dark", "JSESSIONID", "forged"));
        assertEquals("JSESSIONID=s1; theme=dark", headers.getHeaderString("cookie"));
        ToolHttpHeaders smuggling = new ToolHttpHeaders(withSession, "text/plain", null, Map.of(),
                Map.of("theme", "dark; JSESSIONID=forged", "a b", "1", "a=b", "1", "lang", "ZGU="));
        assertEquals("JSESSIONID=s1; lang=ZGU=", smuggling.getHeaderString("Cookie"));
    }

    @Test
    void theMapHandedOutIsACopy() {
        ToolHttpHeaders headers = new ToolHttpHeaders(MCP, "text/plain", null, Map.of(), Map.of());
        headers.getRequestHeaders().putSingle("Authorization", "Bearer changed");
        assertEquals("Bearer secret", headers.getHeaderString("Authorization"));
    }
}
