package io.mcpee.transport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginPolicyTest {
    private final OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com"));

    @ParameterizedTest(name = "Origin {0}, Host {1}, local {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,                        localhost:8080,       127.0.0.1, allowed",
            "-,                        127.0.0.1:8080,       127.0.0.1, allowed",
            "-,                        [::1]:8080,           ::1,       allowed",
            "-,                        evil.example:8080,    127.0.0.1, Forbidden: Host header not allowed",
            "http://localhost:3000,    localhost:8080,       127.0.0.1, allowed",
            "https://evil.example,     localhost:8080,       127.0.0.1, Forbidden: Origin not allowed",
            "null,                     localhost:8080,       127.0.0.1, Forbidden: Origin not allowed",
            "https://app.example.com,  mcp.example.com,      10.1.2.3,  allowed",
            "http://localhost:3000,    mcp.example.com,      10.1.2.3,  Forbidden: Origin not allowed",
            "-,                        mcp.example.com,      10.1.2.3,  allowed",
            "https://APP.example.com,  mcp.example.com,      10.1.2.3,  allowed"})
    void decides(String origin, String host, String local, String expected) {
        String refused = policy.check(origin, host, local);
        assertEquals(expected, refused == null ? "allowed" : refused);
    }
}
