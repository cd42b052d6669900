package io.mcpee.it;

import io.mcpee.security.JwtResult;
import io.mcpee.security.JwtVerifier;
import io.mcpee.security.VerifiedJwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens from a real Keycloak (the test realm in server-config/keycloak) through our JwtVerifier, configured with
 * the standard MP JWT keys as a deployment would be: the realm's JWKS URL, its issuer, audience mcp-ee.
 */
class KeycloakTokenIT {
    static Keycloak keycloak;
    static JwtVerifier verifier;

    @BeforeAll
    static void startKeycloak() {
        keycloak = Keycloak.shared();
        verifier = JwtVerifier.fromConfig(keycloak.mpJwtLookup());
    }

    @Test
    void crmAgentTokenGivesItsIdentity() {
        Instant before = Instant.now();
        String token = keycloak.clientCredentialsToken(Keycloak.CRM_AGENT, Keycloak.CRM_AGENT_SECRET);

        VerifiedJwt jwt = assertInstanceOf(JwtResult.Verified.class, verifier.verify(token)).jwt();

        assertTrue(jwt.groups().contains("customers:read"), "realm role as group: " + jwt.groups());
        assertFalse(jwt.groups().contains("customers:write"), "a role the client does not have: " + jwt.groups());
        assertEquals(Optional.of(Keycloak.CRM_AGENT), jwt.clientId());
        assertEquals("service-account-crm-agent", jwt.callerName(), "preferred_username (no upn mapper)");
        assertFalse(jwt.subject().isBlank());
        assertEquals(keycloak.issuer(), jwt.claims().get("iss"));
        assertTrue(((List<?>) jwt.claims().get("aud")).contains(Keycloak.AUDIENCE), "aud: " + jwt.claims().get("aud"));
        Duration lifetime = Duration.between(before, jwt.expiresAt());
        assertTrue(lifetime.compareTo(Duration.ofSeconds(240)) > 0 && lifetime.compareTo(Duration.ofSeconds(330)) < 0,
                "accessTokenLifespan 300 s: " + lifetime);
    }

    @Test
    void otherAgentTokenIsRejectedForItsAudienceAlone() {
        String token = keycloak.clientCredentialsToken(Keycloak.OTHER_AGENT, Keycloak.OTHER_AGENT_SECRET);

        JwtResult.Rejected rejected = assertInstanceOf(JwtResult.Rejected.class, verifier.verify(token));
        assertEquals(JwtResult.Reason.WRONG_AUDIENCE, rejected.reason(), rejected.detail());

        // the same token passes a verifier for its own audience: nothing else was wrong with it
        Map<String, String> otherService = new HashMap<>(keycloak.mpJwtConfig());
        otherService.put("mp.jwt.verify.audiences", "other-service");
        VerifiedJwt jwt = assertInstanceOf(JwtResult.Verified.class,
                JwtVerifier.fromConfig(key -> Optional.ofNullable(otherService.get(key))).verify(token)).jwt();
        assertEquals(Optional.of(Keycloak.OTHER_AGENT), jwt.clientId());
    }

    @Test
    void issuerMustMatchExactly() {
        // the realm under the name "localhost": the same keys, another iss
        Map<String, String> config = new HashMap<>(keycloak.mpJwtConfig());
        config.put("mp.jwt.verify.issuer", keycloak.issuer().replace("127.0.0.1", "localhost"));
        JwtVerifier localhost = JwtVerifier.fromConfig(key -> Optional.ofNullable(config.get(key)));
        String token = keycloak.clientCredentialsToken(Keycloak.CRM_AGENT, Keycloak.CRM_AGENT_SECRET);
        JwtResult.Rejected rejected = assertInstanceOf(JwtResult.Rejected.class, localhost.verify(token));
        assertEquals(JwtResult.Reason.WRONG_ISSUER, rejected.reason(), rejected.detail());
    }

    @Test
    void aTamperedKeycloakTokenIsRejected() {
        String token = keycloak.clientCredentialsToken(Keycloak.CRM_AGENT, Keycloak.CRM_AGENT_SECRET);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"customers:read\"", "\"customers:write\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        JwtResult.Rejected rejected = assertInstanceOf(JwtResult.Rejected.class, verifier.verify(forged));
        assertEquals(JwtResult.Reason.BAD_SIGNATURE, rejected.reason(), rejected.detail());
    }
}
