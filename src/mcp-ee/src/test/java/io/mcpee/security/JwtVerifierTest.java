package io.mcpee.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.mcpee.security.JwtResult.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JwtVerifier against tokens made here with Nimbus, keys served as a JWKS by a JDK HttpServer on 127.0.0.1, and a
 * fixed clock. Every rejection is checked for its reason, so a token rejected for the wrong cause fails the test.
 */
class JwtVerifierTest {
    static final String ISSUER = "https://idp.example/realms/mcpee";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static RSAKey rsa1;
    static RSAKey rsa2;
    static RSAKey attacker;
    static RSAKey rsa3;
    static ECKey ec1;
    static HttpServer server;
    static String jwksUrl;
    /** What the JWKS endpoint serves and how often it was asked; tests change both. */
    static final AtomicReference<String> published = new AtomicReference<>();
    static final AtomicReference<Integer> status = new AtomicReference<>(200);
    static final AtomicInteger fetches = new AtomicInteger();
    /** Held so that its level sticks (JUL keeps loggers weakly): the verifier's INFO lines would drown the output. */
    static final Logger SECURITY_LOG = Logger.getLogger("io.mcpee.security");

    @BeforeAll
    static void keysAndServer() throws Exception {
        SECURITY_LOG.setLevel(Level.SEVERE);
        rsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        attacker = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // same kid, different key
        rsa3 = new RSAKeyGenerator(2048).keyID("rsa-3").generate();
        ec1 = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        jwksUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @BeforeEach
    void publishFirstKeys() {
        publish(rsa1, ec1);
        status.set(200);
        fetches.set(0);
    }

    // ---- the identity ------------------------------------------------------------------------------------------

    @Test
    void validTokenGivesTheIdentityWithGroupsAndScopesMerged() throws Exception {
        VerifiedJwt jwt = verified(standard().verify(rs256(rsa1, c -> { })));

        assertEquals("user-1", jwt.subject());
        assertEquals("alice", jwt.callerName(), "preferred_username when there is no upn");
        assertEquals(List.of("admins", "customers:read", "openid", "profile", "customers:write"),
                List.copyOf(jwt.groups()), "groups first, then scopes, customers:read once");
        assertEquals(Optional.of("crm-agent"), jwt.clientId());
        assertEquals(NOW.plusSeconds(300), jwt.expiresAt());
        assertEquals(ISSUER, jwt.claims().get("iss"));
        assertEquals(List.of("mcp-ee", "account"), jwt.claims().get("aud"));
        assertEquals(NOW.plusSeconds(300).getEpochSecond(), jwt.claims().get("exp"));
        assertEquals(Map.of("level", 3L), jwt.claims().get("nested"));
        assertEquals(Optional.of("alice"), jwt.claim("preferred_username"));
        assertFalse(jwt.toString().contains("nested"), "claims stay out of toString: " + jwt);
    }

    @Test
    void claimsAndGroupsAreImmutableAllTheWayDown() throws Exception {
        VerifiedJwt jwt = verified(standard().verify(rs256(rsa1, c -> { })));
        assertThrows(UnsupportedOperationException.class, () -> jwt.claims().put("sub", "root"));
        assertThrows(UnsupportedOperationException.class, () -> jwt.groups().add("admin"));
        @SuppressWarnings("unchecked") List<Object> aud = (List<Object>) jwt.claims().get("aud");
        assertThrows(UnsupportedOperationException.class, () -> aud.add("evil"));
        @SuppressWarnings("unchecked") Map<String, Object> nested = (Map<String, Object>) jwt.claims().get("nested");
        assertThrows(UnsupportedOperationException.class, () -> nested.put("level", 99L));
    }

    @Test
    void callerNameFollowsTheMicroProfileRule() throws Exception {
        JwtVerifier verifier = standard();
        assertEquals("alice@example.com", verified(verifier.verify(rs256(rsa1, c -> c.claim("upn",
                "alice@example.com")))).callerName(), "upn first");
        assertEquals("user-1", verified(verifier.verify(rs256(rsa1, c -> c.claim("preferred_username", null))))
                .callerName(), "sub last");
    }

    @Test
    void clientIdFallsBackToClientIdClaimAndMayBeAbsent() throws Exception {
        JwtVerifier verifier = standard();
        assertEquals(Optional.of("cli"), verified(verifier.verify(rs256(rsa1, c -> c.claim("azp", null)
                .claim("client_id", "cli")))).clientId());
        assertEquals(Optional.empty(), verified(verifier.verify(rs256(rsa1, c -> c.claim("azp", null))))
                .clientId());
    }

    @Test
    void scopeClaimIsConfigurableAndMayBeAnArray() throws Exception {
        JwtVerifier verifier = verifier(Map.of(JwtSettings.SCOPE_CLAIM, "scp"));
        VerifiedJwt jwt = verified(verifier.verify(rs256(rsa1, c -> c.claim("groups", null)
                .claim("scp", List.of("customers:read", "articles:read")))));
        assertEquals(List.of("customers:read", "articles:read"), List.copyOf(jwt.groups()),
                "the scope claim is scp now, so scope is ignored");
        assertEquals("customers:read", verified(verifier.verify(rs256(rsa1, c -> c.claim("groups",
                "customers:read").claim("scope", null)))).groups().iterator().next(), "a single group as a string");
    }

    // ---- claims ------------------------------------------------------------------------------------------------

    @Test
    void wrongOrMissingIssuerIsRejected() throws Exception {
        JwtVerifier verifier = standard();
        assertRejected(Reason.WRONG_ISSUER, verifier.verify(rs256(rsa1, c -> c.issuer(ISSUER + "-other"))));
        assertRejected(Reason.WRONG_ISSUER, verifier.verify(rs256(rsa1, c -> c.issuer(null))));
    }

    @Test
    void audienceMustContainAConfiguredOne() throws Exception {
        JwtVerifier verifier = verifier(Map.of(JwtSettings.AUDIENCES, " other-service , mcp-ee "));
        assertRejected(Reason.WRONG_AUDIENCE, verifier.verify(rs256(rsa1, c -> c.audience(List.of("account",
                "crm")))));
        assertRejected(Reason.WRONG_AUDIENCE, verifier.verify(rs256(rsa1, c -> c.audience((String) null))));
        verified(verifier.verify(rs256(rsa1, c -> c.audience("mcp-ee"))));
        verified(verifier.verify(rs256(rsa1, c -> c.audience("other-service"))));
        // without mp.jwt.verify.audiences, aud is not checked
        verified(verifier(Map.of(JwtSettings.AUDIENCES, "")).verify(rs256(rsa1, c -> c.audience("anything"))));
    }

    @Test
    void expiryAllowsTheClockSkewAndNoMore() throws Exception {
        JwtVerifier verifier = standard(); // default skew: 60 s
        assertRejected(Reason.EXPIRED, verifier.verify(rs256(rsa1, c -> c.expirationTime(at(-61)))));
        assertRejected(Reason.EXPIRED, verifier.verify(rs256(rsa1, c -> c.expirationTime(at(-3600)))));
        verified(verifier.verify(rs256(rsa1, c -> c.expirationTime(at(-59)))));
        JwtVerifier strict = verifier(Map.of(JwtSettings.CLOCK_SKEW, "0"));
        assertRejected(Reason.EXPIRED, strict.verify(rs256(rsa1, c -> c.expirationTime(at(0)))));
        verified(strict.verify(rs256(rsa1, c -> c.expirationTime(at(1)))));
    }

    @Test
    void notBeforeAndIssuedAtMustNotLieInTheFuture() throws Exception {
        JwtVerifier verifier = standard();
        assertRejected(Reason.NOT_YET_VALID, verifier.verify(rs256(rsa1, c -> c.notBeforeTime(at(61)))));
        verified(verifier.verify(rs256(rsa1, c -> c.notBeforeTime(at(59)))));
        assertRejected(Reason.NOT_YET_VALID, verifier.verify(rs256(rsa1, c -> c.issueTime(at(120)))));
        verified(verifier.verify(rs256(rsa1, c -> c.issueTime(at(30)))));
    }

    @Test
    void expAndSubAreRequired() throws Exception {
        JwtVerifier verifier = standard();
        assertRejected(Reason.MISSING_CLAIM, verifier.verify(rs256(rsa1, c -> c.expirationTime(null))));
        assertRejected(Reason.MISSING_CLAIM, verifier.verify(rs256(rsa1, c -> c.subject(null))));
    }

    @Test
    void tokenAgeRequiresARecentIat() throws Exception {
        JwtVerifier verifier = verifier(Map.of(JwtSettings.TOKEN_AGE, "600"));
        verified(verifier.verify(rs256(rsa1, c -> c.issueTime(at(-600)))));
        assertRejected(Reason.EXPIRED, verifier.verify(rs256(rsa1, c -> c.issueTime(at(-661)))));
        assertRejected(Reason.MISSING_CLAIM, verifier.verify(rs256(rsa1, c -> c.issueTime(null))));
    }

    @Test
    void claimsOfTheWrongTypeAreMalformed() throws Exception {
        JwtVerifier verifier = standard();
        assertRejected(Reason.MALFORMED, verifier.verify(rs256(rsa1, c -> c.claim("groups", List.of("a", 7L)))));
        assertRejected(Reason.MALFORMED, verifier.verify(rs256(rsa1, c -> c.claim("scope", 42L))));
        assertRejected(Reason.MALFORMED, verifier.verify(rs256(rsa1, c -> c.claim("upn", true))));
        // a signed payload that is not a claims set at all
        JWSObject notJson = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                new Payload("just text"));
        notJson.sign(new RSASSASigner(rsa1));
        assertRejected(Reason.MALFORMED, verifier.verify(notJson.serialize()));
        // exp as a string: Nimbus refuses to read it as a date
        JWSObject stringExp = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                new Payload(Map.of("sub", "x", "iss", ISSUER, "aud", "mcp-ee", "exp", "tomorrow")));
        stringExp.sign(new RSASSASigner(rsa1));
        assertRejected(Reason.MALFORMED, verifier.verify(stringExp.serialize()));
    }

    // ---- signatures and algorithms -----------------------------------------------------------------------------

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String[] parts = rs256(rsa1, c -> { }).split("\\.");
        JWTClaimsSet escalated = claims(c -> c.claim("groups", List.of("admins", "root"))).build();
        String forged = parts[0] + "." + Base64URL.encode(escalated.toString()) + "." + parts[2];
        assertRejected(Reason.BAD_SIGNATURE, standard().verify(forged));
    }

    @Test
    void tamperedSignatureIsRejected() throws Exception {
        String token = rs256(rsa1, c -> { });
        int middle = token.lastIndexOf('.') + 100;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, middle) + flipped + token.substring(middle + 1);
        assertRejected(Reason.BAD_SIGNATURE, standard().verify(forged));
        String truncated = token.substring(0, token.length() - 4);
        assertRejected(Reason.BAD_SIGNATURE, standard().verify(truncated));
    }

    @Test
    void aKeyWeDoNotPublishIsRejectedEvenWithAKnownKid() throws Exception {
        assertRejected(Reason.BAD_SIGNATURE, standard().verify(rs256(attacker, c -> { })));
    }

    @Test
    void algNoneIsRejected() throws Exception {
        JwtVerifier verifier = standard();
        String plain = new PlainJWT(claims(c -> { }).build()).serialize();
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier.verify(plain));
        // hand-made variants: other spellings, a kid, a signature segment that is not empty
        for (String alg : List.of("none", "None", "NONE")) {
            String header = Base64URL.encode("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}").toString();
            String payload = Base64URL.encode(claims(c -> { }).build().toString()).toString();
            assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier.verify(header + "." + payload + "."));
            assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier.verify(header + "." + payload + ".c2ln"));
        }
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRejected() throws Exception {
        JwtVerifier verifier = standard();
        // the classic algorithm-confusion attack: HMAC keyed with bytes anyone can download from the JWKS
        List<byte[]> publicSecrets = List.of(rsa1.toRSAPublicKey().getEncoded(),
                pem(rsa1.toRSAPublicKey().getEncoded()).getBytes(StandardCharsets.US_ASCII),
                rsa1.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        for (byte[] secret : publicSecrets) {
            String token = sign(JWSAlgorithm.HS256, "rsa-1", new MACSigner(secret), claims(c -> { }).build());
            assertRejected(Reason.UNSUPPORTED_ALGORITHM, verifier.verify(token));
        }
        // and HS256 cannot be configured
        assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.ALGORITHM, "HS256")));
    }

    @Test
    void otherAsymmetricAlgorithmsAreRejectedToo() throws Exception {
        String ps256 = sign(JWSAlgorithm.PS256, "rsa-1", new RSASSASigner(rsa1), claims(c -> { }).build());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, standard().verify(ps256));
        String rs512 = sign(JWSAlgorithm.RS512, "rsa-1", new RSASSASigner(rsa1), claims(c -> { }).build());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, standard().verify(rs512));
    }

    @Test
    void es256WhenConfigured() throws Exception {
        String es256 = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec1), claims(c -> { }).build());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, standard().verify(es256), "RS256 only by default");
        JwtVerifier ecOnly = verifier(Map.of(JwtSettings.ALGORITHM, "ES256"));
        assertEquals("user-1", verified(ecOnly.verify(es256)).subject());
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, ecOnly.verify(rs256(rsa1, c -> { })));
        JwtVerifier both = verifier(Map.of(JwtSettings.ALGORITHM, "rs256, es256"));
        verified(both.verify(es256));
        verified(both.verify(rs256(rsa1, c -> { })));
        // an EC signature under the RSA key's kid: the kid names an RSA key, so no EC key matches
        String mislabelled = sign(JWSAlgorithm.ES256, "rsa-1", new ECDSASigner(ec1), claims(c -> { }).build());
        assertRejected(Reason.UNKNOWN_KEY, both.verify(mislabelled));
    }

    @Test
    void criticalHeaderParametersAreNotIgnored() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .criticalParams(java.util.Set.of("exp-policy")).customParam("exp-policy", "strict").build();
        SignedJWT jwt = new SignedJWT(header, claims(c -> { }).build());
        jwt.sign(new RSASSASigner(rsa1));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, standard().verify(jwt.serialize()));
    }

    @Test
    void encryptedJwtsAreRejected() {
        String header = Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"rsa-1\"}")
                .toString();
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, standard().verify(header + ".a.b.c.d"));
    }

    // ---- keys: rotation, caching, failures ---------------------------------------------------------------------

    @Test
    void unknownKidRefetchesTheKeySetAndPicksUpARotatedKey() throws Exception {
        // an interval long enough that a slow machine still makes the first three calls within it
        JwtVerifier verifier = verifier(Map.of(JwtSettings.JWKS_REFRESH_MIN_INTERVAL, "PT4S"));
        verified(verifier.verify(rs256(rsa1, c -> { })));
        verified(verifier.verify(rs256(rsa1, c -> { })));
        assertEquals(1, fetches.get(), "the key set is cached");

        publish(rsa1, rsa2, ec1); // the IdP rotates: a new key appears
        verified(verifier.verify(rs256(rsa2, c -> { })));
        assertEquals(2, fetches.get(), "the unknown kid made the verifier fetch again");

        // a made-up kid right after: the rate limit refuses a third fetch within the interval
        assertRejected(Reason.UNKNOWN_KEY, verifier.verify(rs256(rsa3, c -> { })));
        assertEquals(2, fetches.get(), "rate-limited: no fetch");
        verified(verifier.verify(rs256(rsa2, c -> { })));

        Thread.sleep(4_200); // past the interval, a new kid may be fetched again
        publish(rsa2, rsa3);
        verified(verifier.verify(rs256(rsa3, c -> { })));
        assertEquals(3, fetches.get());
        // rsa-1 left the set, but the cached copy of the set is the new one: rsa-1 tokens now fail
        assertRejected(Reason.UNKNOWN_KEY, verifier.verify(rs256(rsa1, c -> { })));
    }

    @Test
    void nothingIsFetchedBeforeTheFirstToken() {
        JwtVerifier verifier = standard();
        assertTrue(verifier.enabled());
        assertEquals(0, fetches.get(), "the IdP may be down while the application deploys");
        verifier.verify("not-a-jwt");
        assertEquals(0, fetches.get(), "a credential that is not a JWT costs no fetch");
    }

    @Test
    void keySetUnavailable() throws Exception {
        status.set(500);
        assertRejected(Reason.KEYS_UNAVAILABLE, standard().verify(rs256(rsa1, c -> { })));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JwtVerifier unreachable = verifier(Map.of(JwtSettings.KEY_LOCATION, "http://127.0.0.1:" + closedPort
                + "/jwks"));
        assertRejected(Reason.KEYS_UNAVAILABLE, unreachable.verify(rs256(rsa1, c -> { })));
        status.set(200);
        published.set("<html>login page</html>");
        assertRejected(Reason.KEYS_UNAVAILABLE, standard().verify(rs256(rsa1, c -> { })));
    }

    // ---- not a JWT, and disabled -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "mcpee_at_3q2+7w==", "Bearer x", "a.b", "a.b.c", "a.b.c.d",
            "....", "abc.def.ghi.jkl.mno.pqr", "e30.e30.e30", "WzFd.e30.", "eyJhbGciOjF9.e30.",
            "not base64!.x.y", "eyJhbGciOiJSUzI1NiJ9"})
    void credentialsThatAreNotJwtsAreToldApart(String credential) {
        // e30 = {} (no alg), WzFd = [1], eyJhbGciOjF9 = {"alg":1}, the last one is a header alone
        assertInstanceOf(JwtResult.NotJwt.class, standard().verify(credential));
    }

    @Test
    void nullIsNotAJwt() {
        assertInstanceOf(JwtResult.NotJwt.class, standard().verify(null));
    }

    @Test
    void jwtShapedGarbageIsMalformedOrBadlySigned() {
        String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}").toString();
        // a JWS with a payload that is no base64url at all cannot carry a valid signature
        JwtResult result = standard().verify(header + ".%%%.abc");
        assertInstanceOf(JwtResult.Rejected.class, result);
        String oversized = header + "." + "A".repeat(JwtVerifier.MAX_TOKEN_CHARS) + ".abc";
        assertRejected(Reason.MALFORMED, standard().verify(oversized));
    }

    @Test
    void withoutAKeyNoJwtIsAccepted() throws Exception {
        JwtVerifier disabled = JwtVerifier.fromConfig(key -> Optional.empty());
        assertFalse(disabled.enabled());
        assertRejected(Reason.DISABLED, disabled.verify(rs256(rsa1, c -> { })));
        assertInstanceOf(JwtResult.NotJwt.class, disabled.verify("opaque-agent-token"));
    }

    // ---- key formats and locations -----------------------------------------------------------------------------

    @Test
    void inlinePemKeyWithoutKidVerifiesTokensWhateverTheirKid() throws Exception {
        JwtVerifier verifier = verifier(Map.of(JwtSettings.KEY_LOCATION, "",
                JwtSettings.INLINE_KEY, pem(rsa1.toRSAPublicKey().getEncoded())));
        verified(verifier.verify(rs256(rsa1, c -> { })));
        verified(verifier.verify(sign(JWSAlgorithm.RS256, null, new RSASSASigner(rsa1), claims(c -> { }).build())));
        assertRejected(Reason.BAD_SIGNATURE, verifier.verify(rs256(rsa2, c -> { })));
        assertEquals(0, fetches.get());
    }

    @Test
    void inlineJwksAndBase64urlJwksAndEcPem() throws Exception {
        String jwks = new JWKSet(List.of(rsa1.toPublicJWK(), ec1.toPublicJWK())).toString();
        verified(verifier(Map.of(JwtSettings.KEY_LOCATION, "", JwtSettings.INLINE_KEY, jwks))
                .verify(rs256(rsa1, c -> { })));
        verified(verifier(Map.of(JwtSettings.KEY_LOCATION, "", JwtSettings.INLINE_KEY,
                Base64URL.encode(jwks).toString())).verify(rs256(rsa1, c -> { })));
        verified(verifier(Map.of(JwtSettings.KEY_LOCATION, "", JwtSettings.INLINE_KEY,
                rsa1.toPublicJWK().toJSONString())).verify(rs256(rsa1, c -> { })));
        JwtVerifier ec = verifier(Map.of(JwtSettings.KEY_LOCATION, "", JwtSettings.ALGORITHM, "ES256",
                JwtSettings.INLINE_KEY, pem(ec1.toECPublicKey().getEncoded())));
        verified(ec.verify(sign(JWSAlgorithm.ES256, "whatever", new ECDSASigner(ec1), claims(c -> { }).build())));
    }

    @Test
    void aConfiguredPrivateKeyIsUsedOnlyForItsPublicHalf() throws Exception {
        JWKSet fromPrivate = JwtKeys.parse(new JWKSet(rsa1).toString(false), "test");
        assertFalse(fromPrivate.getKeys().get(0).isPrivate());
    }

    @Test
    void fileAndClasspathLocations(@TempDir Path dir) throws Exception {
        Path pemFile = dir.resolve("key.pem");
        Files.writeString(pemFile, pem(rsa1.toRSAPublicKey().getEncoded()));
        Path jwksFile = dir.resolve("keys/jwks.json");
        Files.createDirectories(jwksFile.getParent());
        Files.writeString(jwksFile, new JWKSet(rsa2.toPublicJWK()).toString());

        verified(verifier(Map.of(JwtSettings.KEY_LOCATION, pemFile.toUri().toString())).verify(rs256(rsa1, c -> { })));
        verified(verifier(Map.of(JwtSettings.KEY_LOCATION, pemFile.toString())).verify(rs256(rsa1, c -> { })));

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            verified(verifier(Map.of(JwtSettings.KEY_LOCATION, "classpath:/keys/jwks.json"))
                    .verify(rs256(rsa2, c -> { })));
            verified(verifier(Map.of(JwtSettings.KEY_LOCATION, "keys/jwks.json")).verify(rs256(rsa2, c -> { })));
            assertThrows(IllegalArgumentException.class,
                    () -> verifier(Map.of(JwtSettings.KEY_LOCATION, "classpath:missing.pem")));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(0, fetches.get());
    }

    @Nested
    class Configuration {
        @Test
        void badValuesFailAtOnce() {
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.INLINE_KEY,
                    pem(new byte[]{1, 2, 3}))), "both a location and an inline key");
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.ALGORITHM, "PS256")));
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.CLOCK_SKEW, "1m")));
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.CLOCK_SKEW, "-5")));
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.JWKS_CACHE_TTL, "PT10S",
                    JwtSettings.JWKS_REFRESH_MIN_INTERVAL, "PT30S")));
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.KEY_LOCATION, "",
                    JwtSettings.INLINE_KEY, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")));
            assertThrows(IllegalArgumentException.class, () -> verifier(Map.of(JwtSettings.KEY_LOCATION,
                    "ftp://example.com/keys")));
        }

        @Test
        void standardKeysAreRead() {
            JwtSettings settings = JwtSettings.read(config(Map.of(JwtSettings.AUDIENCES, "a, b,,c ",
                    JwtSettings.ALGORITHM, "es256", JwtSettings.CLOCK_SKEW, "5", JwtSettings.ISSUER, " " + ISSUER)));
            assertEquals(java.util.Set.of("a", "b", "c"), settings.audiences());
            assertEquals(java.util.Set.of("ES256"), settings.algorithms());
            assertEquals(5, settings.clockSkew().toSeconds());
            assertEquals(Optional.of(ISSUER), settings.issuer());
            assertEquals("scope", settings.scopeClaim());
        }
    }

    // ---- logging -----------------------------------------------------------------------------------------------

    @Test
    void neitherTokensNorSignaturesAreLogged() throws Exception {
        Logger logger = SECURITY_LOG;
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            JwtVerifier verifier = standard();
            List<String> tokens = List.of(rs256(rsa1, c -> { }), rs256(rsa1, c -> c.expirationTime(at(-999))),
                    rs256(attacker, c -> { }), rs256(rsa1, c -> c.issuer("https://evil.example")));
            tokens.forEach(verifier::verify);
            status.set(500);
            verifier(Map.of()).verify(tokens.get(0));
            assertTrue(messages.size() >= 4, "rejections are logged at FINE: " + messages);
            for (String token : tokens) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                for (String message : messages) {
                    assertFalse(message.contains(token) || message.contains(signature)
                            || message.contains(token.substring(0, token.indexOf('.'))), message);
                }
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Keys from the test JWKS, issuer and audience set, default skew. */
    static JwtVerifier standard() {
        return verifier(Map.of());
    }

    /** {@link #standard()} with some keys replaced ("" removes one). */
    static JwtVerifier verifier(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of(
                JwtSettings.KEY_LOCATION, jwksUrl,
                JwtSettings.ISSUER, ISSUER,
                JwtSettings.AUDIENCES, "mcp-ee"));
        config.putAll(overrides);
        return new JwtVerifier(JwtSettings.read(config(config)), CLOCK);
    }

    static java.util.function.Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    static void publish(JWK... keys) {
        published.set(new JWKSet(List.of(keys)).toString()); // toString() gives the public parts only
    }

    static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> changes) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .audience(List.of("mcp-ee", "account"))
                .expirationTime(at(300))
                .issueTime(at(0))
                .jwtID("jti-1")
                .claim("preferred_username", "alice")
                .claim("azp", "crm-agent")
                .claim("groups", List.of("admins", "customers:read"))
                .claim("scope", "openid  customers:read profile customers:write")
                .claim("nested", Map.of("level", 3));
        changes.accept(claims);
        return claims;
    }

    static String rs256(RSAKey key, Consumer<JWTClaimsSet.Builder> changes) throws Exception {
        return sign(JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(key), claims(changes).build());
    }

    static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static Date at(long secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    static VerifiedJwt verified(JwtResult result) {
        if (result instanceof JwtResult.Verified verified) {
            return verified.jwt();
        }
        throw new AssertionError("expected a verified JWT, got " + result);
    }

    static void assertRejected(Reason expected, JwtResult result) {
        assertRejected(expected, result, "");
    }

    static void assertRejected(Reason expected, JwtResult result, String message) {
        JwtResult.Rejected rejected = assertInstanceOf(JwtResult.Rejected.class, result, message);
        assertEquals(expected, rejected.reason(), () -> message + " " + rejected.detail());
    }
}
