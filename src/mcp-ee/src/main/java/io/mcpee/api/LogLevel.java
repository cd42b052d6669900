package io.mcpee.api;

import java.util.Locale;

/** The severity of a log message to an MCP client, least severe first (the protocol's levels, from RFC 5424). */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    /** The name the protocol uses, e.g. {@code "warning"}. */
    public String protocolName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level of a protocol name.
     *
     * @throws IllegalArgumentException naming the levels, when {@code name} is none of them
     */
    public static LogLevel of(String name) {
        for (LogLevel level : values()) {
            if (level.protocolName().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("a log level is one of debug, info, notice, warning, error, critical, "
                + "alert, emergency");
    }
}
