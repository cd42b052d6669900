package io.mcpee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The audit log's configuration (MicroProfile Config), checked at startup: a bad value fails the deployment. */
@ApplicationScoped
class AuditSettings {
    private final Duration retention;
    private final Duration purgeInterval;
    private final int purgeBatchSize;
    private final int maxArgumentsChars;
    private final Duration unauthenticatedPeriod;
    private final int unauthenticatedMaxAddresses;
    private final boolean groupCommit;

    @Inject
    AuditSettings(@ConfigProperty(name = "mcpee.audit.retention", defaultValue = "P365D") String retention,
                  @ConfigProperty(name = "mcpee.audit.purge-interval", defaultValue = "PT1H") String purgeInterval,
                  @ConfigProperty(name = "mcpee.audit.purge-batch-size", defaultValue = "1000") int purgeBatchSize,
                  @ConfigProperty(name = "mcpee.audit.max-arguments-chars", defaultValue = "65536")
                  int maxArgumentsChars,
                  @ConfigProperty(name = "mcpee.audit.unauthenticated.period", defaultValue = "PT1M")
                  String unauthenticatedPeriod,
                  @ConfigProperty(name = "mcpee.audit.unauthenticated.max-addresses", defaultValue = "100")
                  int unauthenticatedMaxAddresses,
                  @ConfigProperty(name = "mcpee.audit.group-commit", defaultValue = "true") String groupCommit) {
        this.retention = positive("mcpee.audit.retention", retention);
        this.purgeInterval = positive("mcpee.audit.purge-interval", purgeInterval);
        this.purgeBatchSize = atLeast("mcpee.audit.purge-batch-size", purgeBatchSize, 1);
        this.maxArgumentsChars = atLeast("mcpee.audit.max-arguments-chars", maxArgumentsChars, 256);
        this.unauthenticatedPeriod = positive("mcpee.audit.unauthenticated.period", unauthenticatedPeriod);
        this.unauthenticatedMaxAddresses = atLeast("mcpee.audit.unauthenticated.max-addresses",
                unauthenticatedMaxAddresses, 1);
        this.groupCommit = bool("mcpee.audit.group-commit", groupCommit);
    }

    /** For the CDI client proxy only. */
    protected AuditSettings() {
        this.retention = null;
        this.purgeInterval = null;
        this.purgeBatchSize = 0;
        this.maxArgumentsChars = 0;
        this.unauthenticatedPeriod = null;
        this.unauthenticatedMaxAddresses = 0;
        this.groupCommit = false;
    }

    /** Entries older than this are purged. */
    Duration retention() {
        return retention;
    }

    Duration purgeInterval() {
        return purgeInterval;
    }

    /** Entries deleted per transaction by the purge. */
    int purgeBatchSize() {
        return purgeBatchSize;
    }

    /** Redacted arguments longer than this are stored as a summary. */
    int maxArgumentsChars() {
        return maxArgumentsChars;
    }

    /** How long unauthenticated requests are counted before their counts are written. */
    Duration unauthenticatedPeriod() {
        return unauthenticatedPeriod;
    }

    /** Client addresses counted one by one per period; the rest are summed under {@code *}. */
    int unauthenticatedMaxAddresses() {
        return unauthenticatedMaxAddresses;
    }

    /** Whether the entries of reads are committed in batches ({@link GroupCommit}). */
    boolean groupCommit() {
        return groupCommit;
    }

    static Duration positive(String key, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P365D or PT1H, not "
                    + value);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
        return duration;
    }

    private static boolean bool(String key, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not " + value);
        };
    }

    private static int atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ": " + value);
        }
        return value;
    }
}
