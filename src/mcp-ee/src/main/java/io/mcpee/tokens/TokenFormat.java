package io.mcpee.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent token format: {@code mcp_<key>_<secret>}. The key (64 bits, hex) is a public lookup id stored as is;
 * the secret (256 bits from SecureRandom, hex) is stored only as its SHA-256 hash — a secret of that entropy needs
 * no slow hash — and compared in constant time. The fixed prefix and shape let secret scanners find leaked tokens:
 * {@code mcp_[0-9a-f]{16}_[0-9a-f]{64}}.
 */
public final class TokenFormat {
    public static final String PREFIX = "mcp_";
    public static final Pattern SHAPE = Pattern.compile("mcp_([0-9a-f]{16})_([0-9a-f]{64})");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {
    }

    /** A token as presented: its key and secret. */
    public record Parsed(String keyId, String secret) {
    }

    /** A new token: the plaintext (shown once), its key, and the hash to store. */
    public record Generated(String plaintext, String keyId, String secretHash) {
        @Override
        public String toString() {
            return "Generated[keyId=" + keyId + "]";
        }
    }

    public static Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(token);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static Generated generate() {
        byte[] key = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(secret);
        String keyId = HEX.formatHex(key);
        String secretHex = HEX.formatHex(secret);
        return new Generated(PREFIX + keyId + "_" + secretHex, keyId, hash(secretHex));
    }

    public static String hash(String secret) {
        return HEX.formatHex(sha256(secret));
    }

    /** Constant-time: the time taken does not depend on where the secret and the stored hash differ. */
    public static boolean matches(String secret, String storedHash) {
        byte[] expected;
        try {
            expected = HEX.parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
