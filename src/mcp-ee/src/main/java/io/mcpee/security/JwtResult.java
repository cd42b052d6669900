package io.mcpee.security;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link JwtVerifier#verify} made of a bearer credential. Three outcomes rather than an {@code Optional},
 * because the one authentication mechanism must treat them differently: a credential that is {@link NotJwt not a
 * JWT at all} may still be an opaque agent token and goes to that check; a {@link Rejected} one is a JWT that
 * failed, which is a 401 without asking anything else (an agent token never has a JWT's shape, so trying it
 * would only cost a lookup); only {@link Verified} authenticates.
 */
public sealed interface JwtResult permits JwtResult.Verified, JwtResult.NotJwt, JwtResult.Rejected {

    /** The verified token, if it was verified. */
    default Optional<VerifiedJwt> verified() {
        return this instanceof Verified v ? Optional.of(v.jwt()) : Optional.empty();
    }

    /** The signature, keys and claims all passed. */
    record Verified(VerifiedJwt jwt) implements JwtResult {
        public Verified {
            Objects.requireNonNull(jwt, "jwt");
        }
    }

    /**
     * Not a JWT: not two or four dots, or a first segment that is not a base64url JSON object with an
     * {@code alg}. Says nothing about whether the credential is valid as something else.
     */
    record NotJwt() implements JwtResult {
        static final NotJwt INSTANCE = new NotJwt();
    }

    /**
     * A JWT that is not accepted. {@code detail} is for the server log (it may name the expected issuer or the
     * key ids we know): send clients only RFC 6750's {@code error="invalid_token"}. It never holds the token.
     */
    record Rejected(Reason reason, String detail) implements JwtResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a JWT was rejected, so that tests and logs can tell a bad signature from an expired token. */
    enum Reason {
        /** No verification key is configured: this deployment accepts no JWT. */
        DISABLED,
        /** JWT-shaped but unreadable: bad base64url or JSON, a claim of the wrong type, oversized. */
        MALFORMED,
        /** {@code alg} is not one we accept ({@code none}, HS256, ...), the token is encrypted, or it has
         *  critical header parameters we do not understand. */
        UNSUPPORTED_ALGORITHM,
        /** No configured key matches the token's kid and algorithm, even after refetching the key set (or the
         *  refetch was refused by the rate limit). */
        UNKNOWN_KEY,
        /** The key set could not be fetched or parsed: a problem on our side or the IdP's, not the caller's. */
        KEYS_UNAVAILABLE,
        /** The signature does not verify with any matching key. */
        BAD_SIGNATURE,
        /** A required claim is absent: {@code exp}, {@code sub}; {@code iat} when a token age is configured. */
        MISSING_CLAIM,
        /** {@code iss} is not the configured issuer. */
        WRONG_ISSUER,
        /** {@code aud} contains none of the configured audiences. */
        WRONG_AUDIENCE,
        /** {@code exp} (plus skew) has passed, or the token is older than the configured token age. */
        EXPIRED,
        /** {@code nbf} or {@code iat} lies in the future beyond the skew. */
        NOT_YET_VALID
    }
}
