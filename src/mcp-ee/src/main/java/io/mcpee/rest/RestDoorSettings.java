package io.mcpee.rest;

import io.mcpee.api.CallerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which credentials are an agent's at the REST door ({@code mcpee.rest.agent-credentials}: {@code agent-token},
 * {@code jwt}, both by default, or {@code none}), and how much of a request's body the audit keeps (as many bytes as
 * {@code mcpee.audit.max-arguments-chars} allows characters, times four). Checked at startup: a bad value fails the
 * deployment.
 */
@ApplicationScoped
class RestDoorSettings {
    static final String CREDENTIALS = "mcpee.rest.agent-credentials";

    private final Set<CallerKind> kinds;
    private final int maxBodyKept;

    @Inject
    RestDoorSettings(@ConfigProperty(name = CREDENTIALS, defaultValue = "agent-token,jwt") String credentials,
                     @ConfigProperty(name = "mcpee.audit.max-arguments-chars", defaultValue = "65536")
                     int maxArgumentsChars) {
        this.kinds = kinds(credentials);
        this.maxBodyKept = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(256, maxArgumentsChars) * 4L);
    }

    /** For the CDI client proxy only. */
    protected RestDoorSettings() {
        this.kinds = Set.of();
        this.maxBodyKept = 0;
    }

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // made at startup, so that a bad value fails the deployment instead of the first request
    }

    /** Whether a caller with this credential is an agent at the REST door. */
    boolean passesDoor(CallerKind kind) {
        return kinds.contains(kind);
    }

    int maxBodyKept() {
        return maxBodyKept;
    }

    static Set<CallerKind> kinds(String credentials) {
        Set<CallerKind> kinds = EnumSet.noneOf(CallerKind.class);
        String value = credentials.strip().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return kinds;
        }
        for (String kind : value.split(",")) {
            switch (kind.strip()) {
                case "agent-token" -> kinds.add(CallerKind.AGENT_TOKEN);
                case "jwt" -> kinds.add(CallerKind.JWT);
                case "" -> {
                }
                default -> throw new IllegalArgumentException(CREDENTIALS + ": \"" + kind.strip()
                        + "\" is not a credential kind; use agent-token, jwt (comma-separated) or none");
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(CREDENTIALS + " names no credential kind; use agent-token, jwt or none");
        }
        return kinds;
    }
}
