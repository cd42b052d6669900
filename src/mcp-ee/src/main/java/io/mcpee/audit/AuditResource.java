package io.mcpee.audit;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.api.McpIgnore;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.Outcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The audit log for people: {@code GET /mcp-ee/api/audit} with filters and keyset paging, newest first, and the
 * counts of unauthenticated requests. For the roles {@code mcp-admin} and {@code mcp-auditor} only; read-only
 * (entries are never changed or deleted through the API: only the retention purge deletes them). Never a tool.
 */
@Path("audit")
@McpIgnore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    static final String ADMIN = "mcp-admin";
    static final String AUDITOR = "mcp-auditor";

    private final AuditQueries queries;
    private final HttpServletRequest request;

    @Inject
    AuditResource(AuditQueries queries, HttpServletRequest request) {
        this.queries = queries;
        this.request = request;
    }

    /** For the CDI client proxy, and for JAX-RS, which wants a public constructor. */
    public AuditResource() {
        this(null, null);
    }

    @GET
    public String search(@QueryParam("user") String user, @QueryParam("token") String token,
                         @QueryParam("tool") String tool, @QueryParam("outcome") List<String> outcomes,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        requireReader();
        AuditQuery query;
        try {
            query = new AuditQuery(blankToNull(user), blankToNull(token), blankToNull(tool), outcomes(outcomes),
                    instant("from", from), instant("to", to),
                    cursor == null || cursor.isBlank() ? null : AuditQuery.Position.decode(cursor.strip()),
                    integer("limit", limit, AuditQuery.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        AuditQueries.Page page = queries.search(query);
        JsonArrayBuilder items = JsonText.BUILDERS.createArrayBuilder();
        page.entries().forEach(entry -> items.add(json(entry)));
        JsonObjectBuilder result = JsonText.BUILDERS.createObjectBuilder().add("items", items);
        result.add("next", page.next() == null ? JsonValue.NULL : JsonText.string(page.next()));
        return result.build().toString();
    }

    @GET
    @Path("unauthenticated")
    public String unauthenticated(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("limit") String limit) {
        requireReader();
        Instant end;
        Instant start;
        int max;
        try {
            Instant given = instant("to", to);
            end = given == null ? Instant.now().plus(1, ChronoUnit.MINUTES) : given;
            Instant begin = instant("from", from);
            start = begin == null ? end.minus(1, ChronoUnit.DAYS) : begin;
            max = integer("limit", limit, 100);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        JsonArrayBuilder items = JsonText.BUILDERS.createArrayBuilder();
        for (UnauthenticatedTally tally : queries.unauthenticated(start, end, max)) {
            items.add(JsonText.BUILDERS.createObjectBuilder()
                    .add("periodStart", tally.periodStart().toString())
                    .add("periodEnd", tally.periodEnd().toString())
                    .add("clientIp", tally.clientIp())
                    .add("requests", tally.requests()));
        }
        return JsonText.BUILDERS.createObjectBuilder().add("items", items).build().toString();
    }

    /**
     * Checked here rather than by {@code @RolesAllowed}, whose refusal each server words in its own way (an HTML
     * page on Payara): the API answers JSON. A credential's grants are all the roles it has.
     */
    private void requireReader() {
        Set<String> grants = AuthenticatedCaller.of(request).map(AuthenticatedCaller::grants).orElse(Set.of());
        if (!grants.contains(ADMIN) && !grants.contains(AUDITOR)) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(error("the audit log is for the roles mcp-admin and mcp-auditor")).build());
        }
    }

    static JsonObject json(AuditRecord entry) {
        AuditRecord.Actor actor = entry.actor();
        AuditRecord.Act act = entry.act();
        AuditRecord.Ending ending = entry.ending();
        AuditRecord.Origin origin = entry.origin();
        JsonObjectBuilder json = JsonText.BUILDERS.createObjectBuilder()
                .add("id", entry.id())
                .add("timestamp", entry.occurredAt().toString())
                .add("user", actor.principal())
                .add("credentialKind", actor.credentialKind());
        optional(json, "credentialId", actor.credentialId());
        optional(json, "credentialName", actor.credentialName());
        json.add("channel", act.channel().name());
        if (act.name().isEmpty()) {
            json.addNull("tool"); // a REST request no tool stands for
        } else {
            json.add("tool", act.name());
        }
        optional(json, "target", act.target());
        optional(json, "httpMethod", act.httpMethod());
        optional(json, "path", act.path());
        json.add("arguments", arguments(act.arguments()))
                .add("outcome", ending.outcome().name())
                .add("status", ending.status());
        optional(json, "error", ending.errorMessage());
        json.add("durationMs", ending.durationMs());
        optional(json, "clientIp", origin.clientIp());
        optional(json, "sessionId", origin.sessionId());
        optional(json, "requestId", origin.requestId());
        optional(json, "clientName", origin.clientName());
        optional(json, "clientVersion", origin.clientVersion());
        return json.build();
    }

    private static JsonValue arguments(String stored) {
        try {
            return JsonText.parse(stored);
        } catch (RuntimeException e) {
            // written by us as JSON; should a row have been edited by hand, it is shown as it is
            return JsonText.string(stored);
        }
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : JsonText.string(value));
    }

    private static Set<Outcome> outcomes(List<String> values) {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    outcomes.add(Outcome.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("outcome must be one of " + EnumSet.allOf(Outcome.class));
                }
            }
        }
        return outcomes;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed = Instant.parse(value.strip());
            AuditQuery.requireInRange(name, parsed);
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 1 || parsed > AuditQuery.MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static WebApplicationException badRequest(String message) {
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(error(message)).build());
    }

    private static String error(String message) {
        return JsonText.BUILDERS.createObjectBuilder().add("error", message).build().toString();
    }
}
