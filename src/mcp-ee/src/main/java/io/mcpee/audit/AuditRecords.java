package io.mcpee.audit;

import io.mcpee.api.AuthenticatedCaller;
import io.mcpee.invocation.AgentCall;
import io.mcpee.invocation.RestCall;
import io.mcpee.invocation.ToolCall;
import io.mcpee.invocation.ToolCallContext;
import io.mcpee.network.ClientAddresses;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.Outcome;
import io.mcpee.results.Redactor;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the audit record of an agent's call (a tool call, a REST request) from the request it arrived in: the caller our mechanism authenticated
 * (user, credential), the client's address, the MCP session and client, and the arguments after redaction. Every
 * text is cut to its column, so no entry is refused for its length.
 */
@ApplicationScoped
class AuditRecords {
    static final String ANONYMOUS = "anonymous";
    static final String INPUT_RESPONSES = "$inputResponses";
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

    private final HttpServletRequest request;
    private final ClientAddresses addresses;
    private final Redactor redactor;
    private final ToolRegistry registry;
    private final AuditSettings settings;

    @Inject
    AuditRecords(HttpServletRequest request, ClientAddresses addresses, Redactor redactor, ToolRegistry registry,
                 AuditSettings settings) {
        this.request = request;
        this.addresses = addresses;
        this.redactor = redactor;
        this.registry = registry;
        this.settings = settings;
    }

    /** For the CDI client proxy only. */
    protected AuditRecords() {
        this(null, null, null, null, null);
    }

    /**
     * The call's arguments, redacted; for a tool call that ran with its client's answers ({@code input_required}
     * rounds, or asked in a session while it ran), those too, under {@value #INPUT_RESPONSES} and redacted by
     * names and patterns, so the entry shows what a person approved or entered.
     */
    private JsonObject audited(AgentCall call) {
        JsonObject arguments = redactor.arguments(call.toolName(), call.arguments());
        JsonObject answers = call instanceof ToolCall toolCall ? toolCall.context().inputResponses().get() : null;
        if (answers != null) {
            return JsonText.BUILDERS.createObjectBuilder(arguments).add(INPUT_RESPONSES, redactor.redact(answers))
                    .build();
        }
        return arguments;
    }

    AuditRecord of(AgentCall call, Instant started, long durationNanos, Outcome outcome, int status,
                   String errorMessage) {
        String tool = call.toolName();
        String target = tool == null ? null : registry.target(tool).map(t -> fit(t, 500)).orElse(null);
        String arguments = arguments(audited(call), settings.maxArgumentsChars());
        String clientIp = fit(addresses.of(request), 64);
        AuditRecord.Act act;
        AuditRecord.Origin origin;
        if (call instanceof ToolCall toolCall) {
            ToolCallContext context = toolCall.context();
            act = AuditRecord.Act.toolCall(fit(printable(tool), 128), target, arguments);
            origin = new AuditRecord.Origin(clientIp, fit(context.sessionId(), 64),
                    fit(requestId(context.requestId()), 200), fit(context.clientName(), 200),
                    fit(context.clientVersion(), 100));
        } else {
            // the REST door: no session or JSON-RPC id; "" for a request no tool stands for
            RestCall rest = (RestCall) call;
            act = new AuditRecord.Act(Channel.REST, tool == null ? "" : fit(printable(tool), 128), target, arguments,
                    fit(rest.httpMethod(), 16), fit(printable(rest.path()), 500));
            origin = AuditRecord.Origin.address(clientIp);
        }
        return new AuditRecord(null, started.truncatedTo(ChronoUnit.MILLIS), actor(), act,
                ending(outcome, status, errorMessage, durationNanos), origin);
    }

    /**
     * The record of an action through the admin API: {@code arguments} are what the request asked (redacted like
     * any arguments), {@code target} the token or group it acted on.
     */
    AuditRecord ofAdmin(String action, String target, JsonObject arguments, Instant started, long durationNanos,
                        Outcome outcome, int status, String errorMessage) {
        AuditRecord.Act act = new AuditRecord.Act(Channel.ADMIN, fit(action, 128), fit(target, 500),
                AuditRecords.arguments((JsonObject) redactor.redact(arguments), settings.maxArgumentsChars()),
                fit(request.getMethod(), 16), fit(printable(request.getRequestURI()), 500));
        return new AuditRecord(null, started.truncatedTo(ChronoUnit.MILLIS), actor(), act,
                ending(outcome, status, errorMessage, durationNanos),
                AuditRecord.Origin.address(fit(addresses.of(request), 64)));
    }

    private AuditRecord.Ending ending(Outcome outcome, int status, String errorMessage, long durationNanos) {
        return new AuditRecord.Ending(outcome, status, fit(errorMessage == null ? null : redactor.text(errorMessage),
                1000), TimeUnit.NANOSECONDS.toMillis(durationNanos));
    }

    /** An error text for the agent, with the call's sensitive values masked. */
    String scrub(String message, AgentCall call) {
        return redactor.scrub(message, call.toolName(), call.arguments());
    }

    private AuditRecord.Actor actor() {
        var ours = AuthenticatedCaller.of(request);
        if (ours.isPresent()) {
            AuthenticatedCaller caller = ours.get();
            return new AuditRecord.Actor(fit(caller.getName(), 200), caller.kind().name(),
                    fit(caller.credentialId(), 200), fit(caller.credentialName(), 200));
        }
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            // authenticated by something else of the server: its name is all there is
            return new AuditRecord.Actor(fit(principal.getName(), 200), "CONTAINER", null, null);
        }
        return new AuditRecord.Actor(ANONYMOUS, "ANONYMOUS", null, null);
    }

    /**
     * The redacted arguments as JSON text; beyond {@code max} characters a summary instead (their size and
     * top-level names), still JSON, so one huge call cannot bloat the table.
     */
    static String arguments(JsonObject redacted, int max) {
        String json = redacted.toString();
        if (json.length() <= max) {
            return json;
        }
        var names = JsonText.BUILDERS.createArrayBuilder();
        int room = max / 2;
        for (String name : redacted.keySet()) {
            room -= name.length() + 3;
            if (room < 0) {
                break;
            }
            names.add(name);
        }
        return JsonText.BUILDERS.createObjectBuilder().add("$truncated", JsonValue.TRUE)
                .add("chars", json.length()).add("properties", names).build().toString();
    }

    /** The JSON-RPC id's value: a string's content, a number's digits. */
    static String requestId(String json) {
        if (json != null && json.startsWith("\"") && JsonText.parse(json) instanceof JsonString id) {
            return printable(id.getString());
        }
        return json;
    }

    /** Cut to a column's length; null stays null. */
    static String fit(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 3;
        // never half of a surrogate pair: the cut would leave a broken character
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "...";
    }

    /** A client-sent name as safe to store: control characters replaced. */
    static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.CONTROL) {
                // the C0 and C1 controls (NEL, U+0085, is a line break to some log tools)
                return CONTROLS.matcher(text).replaceAll("?");
            }
        }
        return text;
    }
}
