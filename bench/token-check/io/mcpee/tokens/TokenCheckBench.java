package io.mcpee.tokens;

import io.mcpee.persistence.DatabaseHealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cost of checking a presented agent token, alone: mcp-ee's own {@link TokenAuthenticator} with its real
 * {@link TokenCache} (default size), over a table of {@code tokens} tokens (held in memory: what is measured is the
 * check a request pays in steady state, when the token is cached, not a query), presenting {@code working-set}
 * different tokens in turn. One thread; each call timed with {@code System.nanoTime()} after a warm-up that lets the
 * JIT compile the path. Prints p50, p90, p99 and p99.9 in microseconds. Run by bench/token-check.sh.
 */
public final class TokenCheckBench {

    public static void main(String[] args) {
        int tableSize = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int workingSet = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        long warmupNanos = (args.length > 3 ? Long.parseLong(args[3]) : 20) * 1_000_000_000L;

        Map<String, StoredToken> table = new HashMap<>();
        List<String> presented = new ArrayList<>();
        Instant expires = Instant.now().plusSeconds(86_400);
        for (int i = 0; i < tableSize; i++) {
            TokenFormat.Generated token = TokenFormat.generate();
            table.put(token.keyId(), new StoredToken(i, token.keyId(), token.secretHash(), "bulk-" + i, "bench", true,
                    expires, null, Set.of("customers:read", "customers:write")));
            if (i < workingSet) {
                presented.add(token.plaintext());
            }
        }
        TokenLookup lookup = new TokenLookup() {
            @Override
            Optional<StoredToken> byKey(String keyId) {
                return Optional.ofNullable(table.get(keyId));
            }
        };
        LastUseWriter writer = new LastUseWriter() {
            @Override
            public void record(long tokenId, Instant usedAt) {
                // in the server an asynchronous EJB call, at most once a minute per token
            }
        };
        TokenAuthenticator authenticator = new TokenAuthenticator(new TokenCache("PT30S", 10_000), lookup,
                new LastUseRecorder(writer, new TokenSettings() {
                }), new DatabaseHealth() {
                });

        int failures = 0;
        long warmupEnd = System.nanoTime() + warmupNanos;
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
            failures += authenticator.authenticate(presented.get(i % workingSet)).isPresent() ? 0 : 1;
        }
        long[] took = new long[measured];
        for (int i = 0; i < measured; i++) {
            String token = presented.get(i % workingSet);
            long start = System.nanoTime();
            boolean ok = authenticator.authenticate(token).isPresent();
            took[i] = System.nanoTime() - start;
            failures += ok ? 0 : 1;
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " checks of valid tokens failed");
        }
        Arrays.sort(took);
        System.out.printf("token check: %,d tokens in the table, %,d presented in turn, %,d checks timed after %d s"
                        + " of warm-up, one thread%n", tableSize, workingSet, measured, warmupNanos / 1_000_000_000L);
        System.out.printf("p50 %.1f us  p90 %.1f us  p99 %.1f us  p99.9 %.1f us%n", micros(took, 0.50),
                micros(took, 0.90), micros(took, 0.99), micros(took, 0.999));
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1_000.0;
    }
}
