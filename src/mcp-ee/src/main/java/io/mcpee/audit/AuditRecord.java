package io.mcpee.audit;

import io.mcpee.results.Outcome;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An audit entry as a value: what the guards record, the JSON line {@code mcpee.audit} gets, and what the audit
 * API shows. {@code id} is null until stored. Who acted ({@link Actor}), what they did ({@link Act}), how it ended
 * ({@link Ending}) and where it came from ({@link Origin}).
 */
record AuditRecord(Long id, Instant occurredAt, Actor actor, Act act, Ending ending, Origin origin) {

    AuditRecord {
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(act, "act is null");
        requireNonNull(ending, "ending is null");
        requireNonNull(origin, "origin is null");
    }

    /** The user an agent acts for, and the credential it used ({@code AGENT_TOKEN}, {@code JWT}, ...). */
    record Actor(String principal, String credentialKind, String credentialId, String credentialName) {
        Actor {
            requireNonNull(principal, "principal is null");
            requireNonNull(credentialKind, "credentialKind is null");
        }
    }

    /**
     * What was done: the tool (or the admin action, {@code tokens.regenerate}), what it acted on (the resource
     * method behind a tool; the token or group of an admin action), the arguments as JSON text, already redacted,
     * and for an HTTP action its method and path.
     */
    record Act(Channel channel, String name, String target, String arguments, String httpMethod, String path) {
        Act {
            requireNonNull(channel, "channel is null");
            requireNonNull(name, "name is null");
            requireNonNull(arguments, "arguments is null");
        }

        static Act toolCall(String tool, String target, String arguments) {
            return new Act(Channel.MCP, tool, target, arguments, null, null);
        }
    }

    /** How it ended: the outcome, the HTTP status a REST caller would have got, the error text, the time taken. */
    record Ending(Outcome outcome, int status, String errorMessage, long durationMs) {
        Ending {
            requireNonNull(outcome, "outcome is null");
        }
    }

    /**
     * Where it came from: the client's address; for a tool call the MCP session, the JSON-RPC id's value as text
     * ({@code 7} for the number and for the string alike) and the client software.
     */
    record Origin(String clientIp, String sessionId, String requestId, String clientName, String clientVersion) {
        static Origin address(String clientIp) {
            return new Origin(clientIp, null, null, null, null);
        }
    }

    /** The same action, recorded instead as failed with this status and message (when its own entry was refused). */
    AuditRecord failed(int newStatus, String message) {
        return endedAs(Outcome.ERROR, newStatus, message);
    }

    /** The same action, ended otherwise than its work returned. */
    AuditRecord endedAs(Outcome newOutcome, int newStatus, String message) {
        return new AuditRecord(null, occurredAt, actor, act,
                new Ending(newOutcome, newStatus, message, ending.durationMs()), origin);
    }
}
