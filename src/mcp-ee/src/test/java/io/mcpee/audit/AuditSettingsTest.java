package io.mcpee.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit configuration as MicroProfile Config hands it over, checked at startup. */
class AuditSettingsTest {

    /** The defaults of the {@code @ConfigProperty} annotations. */
    private static AuditSettings settings(String retention, String purgeInterval, int batchSize, int maxArguments,
                                          String period, int maxAddresses) {
        return new AuditSettings(retention, purgeInterval, batchSize, maxArguments, period, maxAddresses, "true");
    }

    private static AuditSettings defaults() {
        return settings("P365D", "PT1H", 1000, 65536, "PT1M", 100);
    }

    @Test
    void theDefaultsAreAccepted() {
        AuditSettings settings = defaults();
        assertEquals(Duration.ofDays(365), settings.retention());
        assertEquals(Duration.ofHours(1), settings.purgeInterval());
        assertEquals(1000, settings.purgeBatchSize());
        assertEquals(65536, settings.maxArgumentsChars());
        assertEquals(Duration.ofMinutes(1), settings.unauthenticatedPeriod());
        assertEquals(100, settings.unauthenticatedMaxAddresses());
    }

    @Test
    void theSmallestValuesAreAccepted() {
        AuditSettings settings = settings(" PT1S ", "PT0.001S", 1, 256, "PT1S", 1);
        assertEquals(Duration.ofSeconds(1), settings.retention());
        assertEquals(Duration.ofMillis(1), settings.purgeInterval());
        assertEquals(1, settings.purgeBatchSize());
        assertEquals(256, settings.maxArgumentsChars());
        assertEquals(1, settings.unauthenticatedMaxAddresses());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "PT0S", "-PT1H", "-P1D", "soon", "", " ", "365", "1h", "P", "PT"})
    void aBadDurationIsRefusedNamingItsKey(String value) {
        assertRefused("mcpee.audit.retention", value, () -> settings(value, "PT1H", 1000, 65536, "PT1M", 100));
        assertRefused("mcpee.audit.purge-interval", value, () -> settings("P365D", value, 1000, 65536, "PT1M", 100));
        assertRefused("mcpee.audit.unauthenticated.period", value,
                () -> settings("P365D", "PT1H", 1000, 65536, value, 100));
    }

    @ParameterizedTest
    @CsvSource({"0, mcpee.audit.purge-batch-size", "-1, mcpee.audit.purge-batch-size"})
    void aBatchSizeBelowOneIsRefused(int value, String key) {
        assertRefused(key, String.valueOf(value), () -> settings("P365D", "PT1H", value, 65536, "PT1M", 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 255})
    void maxArgumentsCharsBelow256IsRefused(int value) {
        assertRefused("mcpee.audit.max-arguments-chars", String.valueOf(value),
                () -> settings("P365D", "PT1H", 1000, value, "PT1M", 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void maxAddressesBelowOneIsRefused(int value) {
        assertRefused("mcpee.audit.unauthenticated.max-addresses", String.valueOf(value),
                () -> settings("P365D", "PT1H", 1000, 65536, "PT1M", value));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "' FALSE ', false", "True, true"})
    void groupCommitIsTrueOrFalse(String value, boolean expected) {
        assertEquals(expected, new AuditSettings("P365D", "PT1H", 1000, 65536, "PT1M", 100, value).groupCommit());
        assertTrue(defaults().groupCommit(), "on by default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "on"})
    void groupCommitRefusesAnythingElse(String value) {
        assertRefused("mcpee.audit.group-commit", value,
                () -> new AuditSettings("P365D", "PT1H", 1000, 65536, "PT1M", 100, value));
    }

    private static void assertRefused(String key, String value, org.junit.jupiter.api.function.Executable creation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creation, key + " = " + value);
        assertTrue(e.getMessage().startsWith(key + " must be"), e.getMessage());
        assertTrue(e.getMessage().endsWith(value), e.getMessage());
    }
}
