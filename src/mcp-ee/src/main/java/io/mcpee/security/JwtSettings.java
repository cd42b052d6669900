package io.mcpee.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@link JwtVerifier} checks, read from the standard MicroProfile JWT keys (so an application configured for
 * the server's own MP-JWT mechanism is configured for ours) plus a few mcp-ee keys for what the standard leaves open.
 * Parsed from a lookup function rather than from {@code Config} so that unit tests and the Keycloak IT exercise the
 * very same parsing as the server.
 *
 * @param keyLocation       {@code mp.jwt.verify.publickey.location}: http(s) URL of a JWKS (or PEM), classpath: or
 *                          file: URI, or a plain path (classpath resource first, then file)
 * @param inlineKey         {@code mp.jwt.verify.publickey}: PEM, JWK or JWKS text (or base64url of a JWK/JWKS)
 * @param issuer            {@code mp.jwt.verify.issuer}: exact {@code iss} required, unchecked when absent
 * @param audiences         {@code mp.jwt.verify.audiences}: {@code aud} must contain one of them; unchecked when empty
 * @param clockSkew         {@code mp.jwt.verify.clock.skew} (seconds, default 60): leeway for exp, nbf and iat
 * @param tokenAge          {@code mp.jwt.verify.token.age} (seconds): when set, iat is required and may be at most
 *                          this old
 * @param algorithms        {@code mp.jwt.verify.publickey.algorithm}: RS256 (default) or ES256; mcp-ee also takes a
 *                          comma-separated list of both, for an IdP moving from one to the other
 * @param scopeClaim        {@code mcpee.security.jwt.scope-claim} (default {@code scope}): claim whose
 *                          space-separated values (or array) join the groups
 * @param jwksCacheTtl      {@code mcpee.security.jwt.jwks.cache-ttl} (default PT5M): a remote key set is fetched
 *                          again after this long even when every kid is known, so removed keys stop working
 * @param jwksRefreshMinInterval {@code mcpee.security.jwt.jwks.refresh-min-interval} (default PT30S): an unknown
 *                          kid triggers a refetch, at most two fetches per interval, so tokens with made-up kids
 *                          cannot make us hammer the IdP
 * @param jwksTimeout       {@code mcpee.security.jwt.jwks.timeout} (default PT5S): connect and read timeout of a
 *                          key fetch; a request thread waits for it
 */
record JwtSettings(Optional<String> keyLocation,
                   Optional<String> inlineKey,
                   Optional<String> issuer,
                   Set<String> audiences,
                   Duration clockSkew,
                   Optional<Duration> tokenAge,
                   Set<String> algorithms,
                   String scopeClaim,
                   Duration jwksCacheTtl,
                   Duration jwksRefreshMinInterval,
                   Duration jwksTimeout) {

    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    static final String TOKEN_AGE = "mp.jwt.verify.token.age";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    static final String SCOPE_CLAIM = "mcpee.security.jwt.scope-claim";
    static final String JWKS_CACHE_TTL = "mcpee.security.jwt.jwks.cache-ttl";
    static final String JWKS_REFRESH_MIN_INTERVAL = "mcpee.security.jwt.jwks.refresh-min-interval";
    static final String JWKS_TIMEOUT = "mcpee.security.jwt.jwks.timeout";

    /** The only signature algorithms we accept: asymmetric, as MP JWT specifies. HS* would let anyone holding the
     *  (public) verification key mint tokens; "none" needs no key at all. */
    static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "ES256");

    JwtSettings {
        audiences = Set.copyOf(audiences);
        algorithms = Set.copyOf(algorithms);
        if (keyLocation.isPresent() && inlineKey.isPresent()) {
            // MP JWT makes this a deployment error: which key would win is not obvious to whoever reads the config
            throw new IllegalArgumentException("set either " + KEY_LOCATION + " or " + INLINE_KEY + ", not both");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException(CLOCK_SKEW + " must not be negative");
        }
        if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException(ALGORITHM + " must be RS256 or ES256 (got " + algorithms + ")");
        }
        if (!positive(jwksCacheTtl) || !positive(jwksRefreshMinInterval) || !positive(jwksTimeout)) {
            throw new IllegalArgumentException("the mcpee.security.jwt.jwks.* durations must be positive");
        }
        if (jwksCacheTtl.compareTo(jwksRefreshMinInterval) <= 0) {
            // otherwise the cache would expire while refetches are still forbidden, and every token would fail
            throw new IllegalArgumentException(JWKS_CACHE_TTL + " must be longer than " + JWKS_REFRESH_MIN_INTERVAL);
        }
    }

    /** Reads every key through {@code config} (MP Config's {@code getOptionalValue}, or a map in tests). */
    static JwtSettings read(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> value = key -> config.apply(key).map(String::strip)
                .filter(s -> !s.isEmpty());
        return new JwtSettings(
                value.apply(KEY_LOCATION),
                value.apply(INLINE_KEY),
                value.apply(ISSUER),
                list(value.apply(AUDIENCES).orElse("")),
                value.apply(CLOCK_SKEW).map(s -> seconds(CLOCK_SKEW, s)).orElse(Duration.ofSeconds(60)),
                value.apply(TOKEN_AGE).map(s -> seconds(TOKEN_AGE, s)),
                list(value.apply(ALGORITHM).orElse("RS256").toUpperCase(Locale.ROOT)),
                value.apply(SCOPE_CLAIM).orElse("scope"),
                value.apply(JWKS_CACHE_TTL).map(s -> duration(JWKS_CACHE_TTL, s)).orElse(Duration.ofMinutes(5)),
                value.apply(JWKS_REFRESH_MIN_INTERVAL).map(s -> duration(JWKS_REFRESH_MIN_INTERVAL, s))
                        .orElse(Duration.ofSeconds(30)),
                value.apply(JWKS_TIMEOUT).map(s -> duration(JWKS_TIMEOUT, s)).orElse(Duration.ofSeconds(5)));
    }

    /** Whether any key is configured; without one the verifier accepts no JWT at all. */
    boolean enabled() {
        return keyLocation.isPresent() || inlineKey.isPresent();
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static Set<String> list(String commaSeparated) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }

    private static Duration seconds(String key, String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of seconds (got \"" + value + "\")");
        }
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S (got \"" + value
                    + "\")");
        }
    }

    /** For the start-up log: what is checked, never key material. */
    List<String> describe() {
        return List.of(
                "keys from " + keyLocation.orElse(inlineKey.isPresent() ? INLINE_KEY : "(none: JWTs not accepted)"),
                "issuer " + issuer.orElse("(not checked)"),
                "audiences " + (audiences.isEmpty() ? "(not checked)" : audiences),
                "algorithms " + algorithms,
                "clock skew " + clockSkew.toSeconds() + " s",
                "scopes from claim \"" + scopeClaim + "\"");
    }
}
