package io.mcpee.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The identity a verified JWT carries.
 *
 * @param subject    {@code sub}
 * @param callerName the name the container should know the caller by, by MP JWT's rule: {@code upn}, else
 *                   {@code preferred_username}, else {@code sub}
 * @param groups     the {@code groups} claim plus the scopes of the configured scope claim, in that order, without
 *                   duplicates: an IdP that grants {@code customers:read} as a scope and one that puts it in
 *                   {@code groups} give the same roles
 * @param clientId   the OAuth client the token was issued to: {@code azp}, else {@code client_id}
 * @param expiresAt  {@code exp}
 * @param claims     every claim, deeply immutable: String, Long, Double, Boolean, null, List and Map values as the
 *                   JSON had them
 */
public record VerifiedJwt(String subject, String callerName, Set<String> groups, Optional<String> clientId,
                          Instant expiresAt, Map<String, Object> claims) {

    public VerifiedJwt {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // keeps the order (claim first, then scopes) for logs; Set.copyOf would not
        groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        claims = immutableObject(Objects.requireNonNull(claims, "claims"));
    }

    /** A claim's value, if present and not JSON null. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    private static Map<String, Object> immutableObject(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(String.valueOf(name), immutable(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** JSON values as Nimbus parses them; copied so that no caller can change what another one reads. */
    private static Object immutable(Object value) {
        if (value instanceof Map<?, ?> object) {
            return immutableObject(object);
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            array.forEach(element -> copy.add(immutable(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** Leaves the claims out: they may hold personal data (e-mail, names) that has no place in a log line. */
    @Override
    public String toString() {
        return "VerifiedJwt[subject=" + subject + ", callerName=" + callerName + ", groups=" + groups
                + ", clientId=" + clientId.orElse("-") + ", expiresAt=" + expiresAt + "]";
    }
}
