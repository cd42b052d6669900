package io.mcpee.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateTest {

    @ParameterizedTest
    @CsvSource({
            "1/second,         1,         PT1S",
            "100/minute,       100,       PT1M",
            "'  1000/hour ',   1000,      PT1H",
            "999999999/day,    999999999, PT24H",
    })
    void parsesEveryUnit(String text, int permits, String period) {
        Rate rate = Rate.parse(text);
        assertEquals(permits, rate.permits());
        assertEquals(Duration.parse(period), rate.period());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "100", "100/", "/minute", "0/minute", "-1/minute", "1.5/minute", "100/min",
            "100/minutes", "100/Minute", "100 / minute", "100/week", "1000000000/second", "100/minute/2", "abc",
            "１００/minute"})
    void rejectsEverythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(text));
        assertTrue(e.getMessage().startsWith("expected a rate like 100/minute"), e.getMessage());
        assertTrue(e.getMessage().contains("got \"" + text + "\""), e.getMessage());
    }

    @Test
    void rejectsNullAndLongValuesWithoutEchoingAllOfThem() {
        assertThrows(IllegalArgumentException.class, () -> Rate.parse(null));
        String longText = "x".repeat(500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(longText));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void printsAsItIsWritten() {
        for (String text : new String[] {"1/second", "10/minute", "1000/hour", "5/day"}) {
            assertEquals(text, Rate.parse(text).toString());
        }
    }

    @Test
    void comparesRatesOverTime() {
        assertTrue(Rate.parse("61/minute").exceeds(Rate.parse("1/second")));
        assertFalse(Rate.parse("60/minute").exceeds(Rate.parse("1/second")));
        assertFalse(Rate.parse("1/second").exceeds(Rate.parse("60/minute")));
        assertTrue(Rate.parse("999999999/second").exceeds(Rate.parse("999999999/day")));
        assertFalse(Rate.parse("1000/hour").exceeds(Rate.parse("1000/hour")));
    }

    @Test
    void onlyTheFourUnits() {
        assertThrows(IllegalArgumentException.class, () -> new Rate(1, ChronoUnit.WEEKS));
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, ChronoUnit.SECONDS));
    }
}
