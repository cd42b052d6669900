package io.mcpee.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpee.security.JwtResult.Reason;
import io.mcpee.security.JwtResult.Rejected;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Verifies MicroProfile JWT bearer tokens (compact JWS, RS256 or ES256) issued by the enterprise IdP, configured
 * with the standard {@code mp.jwt.verify.*} keys (see {@link JwtSettings}). It is a building block of the
 * application's one {@code HttpAuthenticationMechanism}: Jakarta EE 10 allows one mechanism per application, so the
 * server's own MP-JWT mechanism ({@code @LoginConfig}) cannot sit beside the agent-token check.
 *
 * <p>Thread-safe; the only shared state is the key source's cache. It never logs a token or a signature.
 */
@ApplicationScoped
public class JwtVerifier {
    private static final Logger LOG = Logger.getLogger(JwtVerifier.class.getName());
    /** Far above any real access token (Keycloak's are 1-3 KB; HTTP servers cap headers near 8 KB) and low enough
     *  that parsing a hostile one costs nothing. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final JwtSettings settings;
    /** Null when no key is configured: then every JWT is rejected as {@link Reason#DISABLED}. */
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    @Inject
    JwtVerifier(Config config) {
        this(JwtSettings.read(key -> config.getOptionalValue(key, String.class)), Clock.systemUTC());
    }

    JwtVerifier(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.keys = settings.enabled() ? JwtKeys.source(settings, classLoader()) : null;
        if (keys == null) {
            LOG.info("mcp-ee: JWT bearer tokens are not accepted: neither " + JwtSettings.KEY_LOCATION + " nor "
                    + JwtSettings.INLINE_KEY + " is set");
            return;
        }
        LOG.info("mcp-ee: JWT bearer tokens accepted: " + String.join(", ", settings.describe()));
        if (settings.issuer().isEmpty()) {
            LOG.warning("mcp-ee: " + JwtSettings.ISSUER + " is not set: JWTs from any issuer the keys sign for "
                    + "are accepted");
        }
        if (settings.audiences().isEmpty()) {
            LOG.warning("mcp-ee: " + JwtSettings.AUDIENCES + " is not set: tokens the IdP issued for other "
                    + "services are accepted here too");
        }
    }

    /** For the CDI client proxy only. */
    protected JwtVerifier() {
        this.settings = null;
        this.keys = null;
        this.clock = null;
    }

    /**
     * A verifier outside CDI (tests, tools), configured by the same keys as the bean: pass a lookup such as
     * {@code key -> Optional.ofNullable(map.get(key))}.
     *
     * @throws IllegalArgumentException when the configuration is invalid
     */
    public static JwtVerifier fromConfig(Function<String, Optional<String>> config) {
        return new JwtVerifier(JwtSettings.read(config), Clock.systemUTC());
    }

    /**
     * Creates the bean when the application starts, so that a bad key, URL or value fails the deployment instead
     * of the first request.
     */
    void startup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "mcp-ee: JWT verifier " + (enabled() ? "enabled" : "disabled"));
    }

    /** Whether a verification key is configured; when not, every JWT is {@link Reason#DISABLED rejected}. */
    public boolean enabled() {
        return keys != null;
    }

    /**
     * Verifies a bearer credential (the part after {@code "Bearer "}).
     *
     * @return {@link JwtResult.NotJwt} when the credential does not have a JWT's shape (so it may be another kind
     * of token), {@link JwtResult.Rejected} with the reason when it is a JWT we do not accept, or
     * {@link JwtResult.Verified} with the caller's identity
     */
    public JwtResult verify(String token) {
        if (token == null) {
            return JwtResult.NotJwt.INSTANCE;
        }
        String[] parts = token.split("\\.", -1);
        Optional<Map<String, Object>> header = parts.length == 3 || parts.length == 5
                ? joseHeader(parts[0]) : Optional.empty();
        if (header.isEmpty()) {
            return JwtResult.NotJwt.INSTANCE;
        }
        JwtResult result = verifyJwt(token, parts.length, header.get());
        if (result instanceof Rejected rejected) {
            // the reason and detail only: the token, and with it its signature, stays out of every log
            LOG.fine(() -> "mcp-ee: JWT rejected: " + rejected.reason() + ": " + rejected.detail());
        }
        return result;
    }

    private JwtResult verifyJwt(String token, int segments, Map<String, Object> header) {
        if (keys == null) {
            return reject(Reason.DISABLED, "no JWT verification key is configured");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return reject(Reason.MALFORMED, "token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        if (segments == 5) {
            return reject(Reason.UNSUPPORTED_ALGORITHM, "encrypted JWTs (JWE) are not accepted");
        }
        Object alg = header.get("alg");
        // checked before any key is looked at: "none" and HS256 (even "signed" with our public key as the HMAC
        // secret) never reach a verifier
        if (!(alg instanceof String name) || !settings.algorithms().contains(name)) {
            return reject(Reason.UNSUPPORTED_ALGORITHM, "alg " + printable(alg) + " is not accepted; accepted: "
                    + settings.algorithms());
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return reject(Reason.MALFORMED, "unreadable JWS: " + e.getMessage());
        }
        JWSHeader jwsHeader = jwt.getHeader();
        if (jwsHeader.getCriticalParams() != null && !jwsHeader.getCriticalParams().isEmpty()) {
            return reject(Reason.UNSUPPORTED_ALGORITHM, "critical header parameters " + jwsHeader.getCriticalParams()
                    + " are not understood");
        }

        List<JWK> candidates;
        try {
            candidates = keys.get(new JWKSelector(matcher(jwsHeader)), null);
        } catch (RateLimitReachedException e) {
            return reject(Reason.UNKNOWN_KEY, "no key for kid " + printable(jwsHeader.getKeyID())
                    + " and the key set was refetched too recently to try again");
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "mcp-ee: JWT verification keys unavailable: " + e.getMessage());
            return reject(Reason.KEYS_UNAVAILABLE, "verification keys unavailable: " + e.getMessage());
        }
        if (candidates.isEmpty()) {
            return reject(Reason.UNKNOWN_KEY, "no " + jwsHeader.getAlgorithm() + " key with kid "
                    + printable(jwsHeader.getKeyID()));
        }
        if (candidates.stream().noneMatch(key -> verifies(jwt, key))) {
            return reject(Reason.BAD_SIGNATURE, "signature does not verify with the " + candidates.size()
                    + " matching key(s)");
        }

        // only now that the signature holds do we read the claims
        try {
            Map<String, Object> json = jwt.getPayload().toJSONObject();
            if (json == null) {
                return reject(Reason.MALFORMED, "payload is not a JSON object");
            }
            return checkClaims(JWTClaimsSet.parse(json), json);
        } catch (ParseException e) {
            return reject(Reason.MALFORMED, "claims: " + e.getMessage());
        }
    }

    /**
     * Keys that may have signed a token with this header. A token's kid must match the key's, except that a key
     * without a kid (a PEM key has none) matches any token: MP JWT verifies with a single configured key whatever
     * the token's kid says. In a remote set whose keys all have kids, an unknown kid matches nothing, which makes
     * the key source refetch the set.
     */
    private static JWKMatcher matcher(JWSHeader header) {
        JWSAlgorithm algorithm = header.getAlgorithm();
        JWKMatcher.Builder matcher = new JWKMatcher.Builder()
                .keyType(KeyType.forAlgorithm(algorithm))
                .keyUses(KeyUse.SIGNATURE, null)
                .algorithms(algorithm, null);
        if (header.getKeyID() != null) {
            matcher.keyIDs(new LinkedHashSet<>(Arrays.asList(header.getKeyID(), null)));
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            matcher.curve(Curve.P_256);
        } else {
            // RSA keys below 2048 bits are breakable; an IdP still publishing one is not to be trusted
            matcher.minKeySize(2048);
        }
        return matcher.build();
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec)
                    : new RSASSAVerifier((RSAKey) key);
            return jwt.verify(verifier);
        } catch (JOSEException | ClassCastException e) {
            return false;
        }
    }

    private JwtResult checkClaims(JWTClaimsSet claims, Map<String, Object> json) throws ParseException {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return reject(Reason.MISSING_CLAIM, "no exp: tokens that never expire are not accepted");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return reject(Reason.MISSING_CLAIM, "no sub");
        }
        if (settings.issuer().isPresent() && !settings.issuer().get().equals(claims.getIssuer())) {
            return reject(Reason.WRONG_ISSUER, "iss " + printable(claims.getIssuer()) + ", expected "
                    + settings.issuer().get());
        }
        if (!settings.audiences().isEmpty()) {
            List<String> audience = claims.getAudience();
            if (audience.stream().noneMatch(settings.audiences()::contains)) {
                return reject(Reason.WRONG_AUDIENCE, "aud " + audience + " contains none of "
                        + settings.audiences());
            }
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            return reject(Reason.EXPIRED, "expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            return reject(Reason.NOT_YET_VALID, "not before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now.plus(skew).isBefore(iat.toInstant())) {
            return reject(Reason.NOT_YET_VALID, "issued in the future, at " + iat.toInstant());
        }
        if (settings.tokenAge().isPresent()) {
            if (iat == null) {
                return reject(Reason.MISSING_CLAIM, "no iat, required by " + JwtSettings.TOKEN_AGE);
            }
            if (now.isAfter(iat.toInstant().plus(settings.tokenAge().get()).plus(skew))) {
                return reject(Reason.EXPIRED, "issued at " + iat.toInstant() + ", older than "
                        + JwtSettings.TOKEN_AGE);
            }
        }

        String callerName = firstString(claims, "upn", "preferred_username").orElse(subject);
        Set<String> groups = new LinkedHashSet<>(values(json, "groups", false));
        groups.addAll(values(json, settings.scopeClaim(), true));
        Optional<String> clientId = firstString(claims, "azp", "client_id");
        return new JwtResult.Verified(new VerifiedJwt(subject, callerName, groups, clientId, exp.toInstant(), json));
    }

    /** The first of these claims that is a non-blank string. */
    private static Optional<String> firstString(JWTClaimsSet claims, String... names) throws ParseException {
        for (String name : names) {
            String value = claims.getStringClaim(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * A claim's values: a JSON array of strings, or one string, split on whitespace when it is a scope claim
     * (RFC 8693 {@code scope}: "a b c"; Okta and Azure put scopes in an array {@code scp}, which works too).
     */
    private static List<String> values(Map<String, Object> json, String claim, boolean spaceSeparated)
            throws ParseException {
        Object value = json.get(claim);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return spaceSeparated ? WHITESPACE.splitAsStream(text.strip()).filter(s -> !s.isEmpty()).toList()
                    : List.of(text);
        }
        if (value instanceof List<?> array && array.stream().allMatch(String.class::isInstance)) {
            return array.stream().map(String.class::cast).filter(s -> !s.isBlank()).toList();
        }
        throw new ParseException("claim " + claim + " is neither a string nor an array of strings", 0);
    }

    /**
     * The decoded first segment, when it is a JOSE header: a JSON object with a string {@code alg}. Anything else
     * means the credential is not a JWT.
     */
    private static Optional<Map<String, Object>> joseHeader(String segment) {
        // a header is small; a long first segment is not worth decoding to find out it is not one
        if (segment.isEmpty() || segment.length() > 4096 || !BASE64URL.matcher(segment).matches()) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
            Map<String, Object> header = JSONObjectUtils.parse(json);
            return header.get("alg") instanceof String ? Optional.of(header) : Optional.empty();
        } catch (IllegalArgumentException | ParseException e) {
            return Optional.empty();
        }
    }

    /** Claim and header values end up in log lines: keep them short and on one line. */
    private static String printable(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return "\"" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "\"";
    }

    private static Rejected reject(Reason reason, String detail) {
        return new Rejected(reason, detail);
    }

    private static ClassLoader classLoader() {
        // the application's loader, for a classpath: key location inside the WAR
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JwtVerifier.class.getClassLoader();
    }

    /** Releases the key source (nothing is held between fetches today, but Nimbus sources are Closeable). */
    @PreDestroy
    void close() {
        if (keys instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "mcp-ee: closing the JWT key source failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "JwtVerifier" + (settings == null ? "" : settings.describe().stream()
                .collect(Collectors.joining(", ", "[", "]")));
    }
}
