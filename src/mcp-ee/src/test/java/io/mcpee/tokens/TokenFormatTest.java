package io.mcpee.tokens;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFormatTest {

    @Test
    void generatedTokensHaveTheDocumentedShapeAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            TokenFormat.Generated generated = TokenFormat.generate();
            assertTrue(TokenFormat.SHAPE.matcher(generated.plaintext()).matches(), generated.plaintext());
            assertTrue(seen.add(generated.plaintext()));
            TokenFormat.Parsed parsed = TokenFormat.parse(generated.plaintext()).orElseThrow();
            assertEquals(generated.keyId(), parsed.keyId());
            assertTrue(TokenFormat.matches(parsed.secret(), generated.secretHash()));
            assertFalse(generated.secretHash().contains(parsed.secret()));
            assertFalse(generated.toString().contains(parsed.secret()), "toString never shows the secret");
        }
    }

    @Test
    void wrongSecretsAndMalformedTokensFail() {
        TokenFormat.Generated generated = TokenFormat.generate();
        String secret = TokenFormat.parse(generated.plaintext()).orElseThrow().secret();
        String other = (secret.charAt(0) == 'a' ? 'b' : 'a') + secret.substring(1);
        assertFalse(TokenFormat.matches(other, generated.secretHash()));
        assertFalse(TokenFormat.matches(secret, "not-hex"));
        for (String bad : new String[]{"", "mcp_", "mcp_123_456", generated.plaintext() + "0",
                generated.plaintext().toUpperCase(), "Bearer " + generated.plaintext()}) {
            assertTrue(TokenFormat.parse(bad).isEmpty(), bad);
        }
    }
}
