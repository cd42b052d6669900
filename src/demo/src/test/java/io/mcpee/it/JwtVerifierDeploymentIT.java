package io.mcpee.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpee.security.JwtResult;
import io.mcpee.security.JwtVerifier;
import io.mcpee.security.VerifiedJwt;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside Payara Micro: the JwtVerifier bean deploys (MP Config injection, start-up observer), stays disabled
 * without mp.jwt.* configuration, and verifies tokens with the Nimbus the server gives the application.
 */
@ExtendWith(ArquillianExtension.class)
class JwtVerifierDeploymentIT {

    @Inject
    JwtVerifier verifier;

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWar().addClass(JwtVerifierDeploymentIT.class);
    }

    /**
     * An application that adds mcp-ee adds nothing else (no glassfish-web.xml): Payara, which loads parent-first,
     * then gives it the nimbus-jose-jwt it bundles for its own MP-JWT module, a 10.x like the one mcp-ee is built
     * with; the other tests here verify tokens with it.
     */
    @Test
    void nimbusIsA10xRelease() {
        String location = String.valueOf(JWSAlgorithm.class.getProtectionDomain().getCodeSource().getLocation());
        Package nimbus = JWSAlgorithm.class.getPackage();
        String version = nimbus.getImplementationVersion() != null ? nimbus.getImplementationVersion() : location;
        assertTrue(version.matches("(?s).*(^|[^0-9])10\\.\\d+.*"), "Nimbus " + version + " from " + location);
    }

    @Test
    void withoutConfigurationTheBeanAcceptsNoJwt() throws Exception {
        assertFalse(verifier.enabled());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        assertEquals(JwtResult.Reason.DISABLED,
                assertInstanceOf(JwtResult.Rejected.class, verifier.verify(token(key))).reason());
        assertInstanceOf(JwtResult.NotJwt.class, verifier.verify("an-opaque-agent-token"));
    }

    @Test
    void verifiesInsideTheServer() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        Map<String, String> config = Map.of("mp.jwt.verify.publickey", new JWKSet(key.toPublicJWK()).toString(),
                "mp.jwt.verify.issuer", "https://idp.example", "mp.jwt.verify.audiences", "mcp-ee");
        JwtVerifier configured = JwtVerifier.fromConfig(k -> Optional.ofNullable(config.get(k)));
        VerifiedJwt jwt = assertInstanceOf(JwtResult.Verified.class, configured.verify(token(key))).jwt();
        assertEquals(List.of("customers:read"), List.copyOf(jwt.groups()));
    }

    private static String token(RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("https://idp.example").audience("mcp-ee").subject("s")
                        .expirationTime(Date.from(Instant.now().plusSeconds(60))).claim("groups",
                                List.of("customers:read")).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
