package io.mcpee.api;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate such as {@code 100/minute}: at most {@code permits} calls per {@code unit} (a second, minute, hour or day).
 * The one parser for every place a rate is written: configuration, {@code @McpTool(rateLimit)} and the agent
 * token's {@code rateLimit}.
 */
public record Rate(int permits, ChronoUnit unit) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})/(second|minute|hour|day)");
    static final String EXPECTED = "a rate like 100/minute: 1 to 999999999 per second, minute, hour or day";

    public Rate {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate allows at least 1 call");
        }
        if (unit != ChronoUnit.SECONDS && unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS
                && unit != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("a rate is per second, minute, hour or day");
        }
    }

    /**
     * Parses {@code N/second|minute|hour|day} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException with a message fit for an operator or an API client
     */
    public static Rate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got nothing");
        }
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
            // the value is configuration or an admin's input, never a secret: echoing (a bounded part of) it helps
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new IllegalArgumentException("expected " + EXPECTED + ", got \"" + shown + "\"");
        }
        return new Rate(Integer.parseInt(matcher.group(1)), switch (matcher.group(2)) {
            case "second" -> ChronoUnit.SECONDS;
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        });
    }

    /** The window the permits are counted in. */
    public Duration period() {
        return unit.getDuration();
    }

    /** True when this rate allows more calls over time than {@code other} (both as calls per second, exactly). */
    public boolean exceeds(Rate other) {
        // cross-multiplied in longs: at most 999999999 * 86400, far from overflow
        return (long) permits * other.period().toSeconds() > (long) other.permits * period().toSeconds();
    }

    @Override
    public String toString() {
        String name = unit.name().toLowerCase(Locale.ROOT);
        return permits + "/" + name.substring(0, name.length() - 1);
    }
}
