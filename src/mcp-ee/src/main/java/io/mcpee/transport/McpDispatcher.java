package io.mcpee.transport;

import io.mcpee.api.InputRequest;
import io.mcpee.api.LogLevel;
import io.mcpee.api.RateLimiter.Decision.Refused;
import io.mcpee.guard.Throttle;
import io.mcpee.invocation.ToolCall;
import io.mcpee.invocation.ToolCallContext;
import io.mcpee.invocation.InputRequired;
import io.mcpee.invocation.ToolInvoker;
import io.mcpee.log.Incident;
import io.mcpee.persistence.DatabaseUnavailable;
import io.mcpee.protocol.Cursor;
import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.Message;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.protocol.RequestId;
import io.mcpee.protocol.RequestMeta;
import io.mcpee.protocol.Responses;
import io.mcpee.results.Redactor;
import io.mcpee.results.ToolOutcome;
import io.mcpee.security.ToolAccess;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Answers JSON-RPC requests, one small method per MCP method: those of an established session (2025-11-25 and
 * earlier) and the stateless ones of 2026-07-28, whose results also say their {@code resultType}, who answered, and
 * for lists how long they may be cached. {@code tools/list}, {@code server/discover} and {@code ping} draw on the
 * caller's listing budget here; {@code tools/call} is throttled by the tool-call chain.
 */
@ApplicationScoped
class McpDispatcher {
    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());

    private final ToolRegistry registry;
    private final ToolInvoker invoker;
    private final TransportConfig config;
    private final ToolAccess access;
    private final Throttle throttle;
    private final ServerDescription description;
    private final CurrentExchange current;
    private final InFlightCalls inFlight;
    private final Redactor redactor;
    private final RequestStates states;
    private final ClientRequests clientRequests;

    @Inject
    McpDispatcher(ToolRegistry registry, ToolInvoker invoker, TransportConfig config, ToolAccess access,
                  Throttle throttle, ServerDescription description, CurrentExchange current, InFlightCalls inFlight,
                  Redactor redactor, RequestStates states, ClientRequests clientRequests) {
        this.states = states;
        this.clientRequests = clientRequests;
        this.current = current;
        this.inFlight = inFlight;
        this.redactor = redactor;
        this.registry = registry;
        this.invoker = invoker;
        this.config = config;
        this.access = access;
        this.throttle = throttle;
        this.description = description;
    }

    /** For the CDI client proxy only. */
    protected McpDispatcher() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The JSON-RPC response to a request of a session: a result, or an error for anything the request got wrong; a
     * throttled request's error says how long to wait, for the endpoint's 429. A tool call's progress and log
     * messages go to {@code stream}, its event stream, or nowhere when it is null.
     */
    Answer answer(Message.Request request, McpSession session, RequestContext http, EventStream stream) {
        return guarded(request, SESSION_ERRORS, () -> respond(request, session, http, stream));
    }

    /** How an error is written: the session revisions' form, or 2026-07-28's (no null id, data when given). */
    @FunctionalInterface
    interface ErrorWriter {
        String write(RequestId id, ErrorCode code, String message, String dataJson);
    }

    static final ErrorWriter SESSION_ERRORS = (id, code, message, data) -> data == null
            ? Responses.error(id, code, message) : Responses.error(id, code, message, data);
    static final ErrorWriter STATELESS_ERRORS = Responses::statelessError;

    /**
     * The answer {@code respond} gives, or the error for what it threw: 503 with the wait when the database cannot
     * be reached, the request's own mistake (a {@link ProtocolException}), or an internal error logged under an
     * incident reference; in either revision's form.
     */
    private Answer guarded(Message.Request request, ErrorWriter errors, Supplier<Answer> respond) {
        try {
            return respond.get();
        } catch (DatabaseUnavailable e) {
            return new Answer(errors.write(request.id(), ErrorCode.INTERNAL_ERROR, e.getMessage(),
                    "{\"retryAfter\":" + e.retryAfterSeconds() + "}"), 503, e.retryAfterSeconds());
        } catch (ProtocolException e) {
            return Answer.of(errors.write(request.id(), e.code(), e.getMessage(), e.dataJson()));
        } catch (RuntimeException e) {
            Incident incident = Incident.log(LOG, printable(request.method()) + " failed", e);
            return Answer.of(errors.write(request.id(), ErrorCode.INTERNAL_ERROR, incident.tell("Internal error"),
                    null));
        }
    }

    /**
     * A JSON-RPC response, and the HTTP status it asks for: 200; for a request that was not carried out 429
     * (throttled) or 503 (the database cannot be reached), with the seconds until the caller may retry; or, in
     * 2026-07-28, 400 or 404 for what that revision answers so (a missing capability, an unknown method).
     */
    record Answer(String json, int status, long retryAfterSeconds) {
        static Answer of(String json) {
            return new Answer(json, 200, 0);
        }

        /** An error answered with this HTTP status, and no wait. */
        static Answer refusal(String json, int status) {
            return new Answer(json, status, 0);
        }

        /** The one answer to a request throttling refused: JSON-RPC -32029 with {@code data.retryAfter}, HTTP 429. */
        static Answer throttled(ErrorWriter errors, RequestId id, long retryAfterSeconds) {
            return new Answer(errors.write(id, ErrorCode.TOO_MANY_REQUESTS, "Too many requests: retry after "
                    + retryAfterSeconds + " s", "{\"retryAfter\":" + retryAfterSeconds + "}"), 429,
                    retryAfterSeconds);
        }

        boolean refused() {
            return status != 200;
        }
    }

    /**
     * The answer to a 2026-07-28 request that passed {@link StatelessRequests#check}: {@code server/discover},
     * {@code tools/list} and {@code tools/call}; any other method is answered 404 with -32601, as that revision
     * requires (also {@code initialize} and {@code ping}, which it removed).
     */
    Answer answerStateless(Message.Request request, RequestMeta meta, RequestContext http, EventStream stream) {
        Client client = new Client(null, meta.clientName(), meta.clientVersion());
        return guarded(request, STATELESS_ERRORS, () -> {
            try {
                return respondStateless(request, meta, http, stream, client);
            } catch (InputRequired e) {
                return inputRequired(request, e, http);
            }
        });
    }

    private Answer respondStateless(Message.Request request, RequestMeta meta, RequestContext http,
                                    EventStream stream, Client client) {
        return switch (request.method()) {
            case "tools/call" -> {
                ToolOutcome outcome = callTool(request, client, http, stream, meta.logLevel(),
                        asking(request.params(), meta, http));
                yield outcome.throttled()
                        ? Answer.throttled(STATELESS_ERRORS, request.id(), outcome.retryAfterSeconds())
                        : Answer.of(Responses.result(request.id(),
                        Responses.withMembers(outcome.result().toJson(), description.complete())));
            }
            case "tools/list", "server/discover" -> {
                Optional<Refused> refused = throttle.admitListing();
                if (refused.isPresent()) {
                    yield Answer.throttled(STATELESS_ERRORS, request.id(), refused.get().retryAfterSeconds());
                }
                yield Answer.of(Responses.result(request.id(), request.method().equals("tools/list")
                        ? Responses.withMembers(listTools(request.params()), description.completeList())
                        : description.discover()));
            }
            default -> Answer.refusal(Responses.statelessError(request.id(), ErrorCode.METHOD_NOT_FOUND,
                    "Method not found: " + printable(request.method()), null), 404);
        };
    }

    /**
     * A tool call whose method asked its client: {@code input_required} with the questions and a sealed
     * {@code requestState} carrying the answers so far; or, when the client did not declare what answering needs,
     * -32021 (HTTP 400) naming it.
     */
    private Answer inputRequired(Message.Request request, InputRequired asked, RequestContext http) {
        if (asked.missingCapability() != null) {
            return Answer.refusal(Responses.statelessError(request.id(),
                    ErrorCode.MISSING_REQUIRED_CLIENT_CAPABILITY, "Missing required client capability: "
                            + asked.missingCapability(), "{\"requiredCapabilities\":{\""
                            + asked.missingCapability() + "\":{}}}"), 400);
        }
        var questions = JsonText.BUILDERS.createObjectBuilder();
        for (InputRequest question : asked.questions()) {
            questions.add(question.key(), JsonText.BUILDERS.createObjectBuilder().add("method", question.method())
                    .add("params", question.params()));
        }
        String state = states.seal(request.params().getString("name"), caller(http), asked.answers());
        String result = JsonText.BUILDERS.createObjectBuilder().add("inputRequests", questions)
                .add("requestState", state).build().toString();
        return Answer.of(Responses.result(request.id(), Responses.withMembers(result, description.inputRequired())));
    }

    /**
     * What a 2026-07-28 client can answer, and has: the answers its {@code requestState} carries from earlier
     * rounds (checked: -32602 when it was changed or is another call's), then this request's
     * {@code inputResponses}. An answer that is not a JSON object counts as not given: the question is asked again.
     */
    private ToolCallExchange.Asking asking(JsonObject params, RequestMeta meta, RequestContext http) {
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        JsonValue state = params.get("requestState");
        if (state != null && state.getValueType() != JsonValue.ValueType.NULL) {
            if (!(state instanceof JsonString text) || !(params.get("name") instanceof JsonString tool)) {
                throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: \"requestState\" must be "
                        + "a string");
            }
            answers.putAll(states.open(text.getString(), tool.getString(), caller(http)));
        }
        if (params.get("inputResponses") instanceof JsonObject responses) {
            responses.forEach((key, answer) -> {
                if (answer.getValueType() == JsonValue.ValueType.OBJECT) {
                    answers.put(key, answer.asJsonObject());
                }
            });
        }
        return ToolCallExchange.Asking.stateless(meta.clientCapabilities(), answers);
    }

    /** Who a sealed state is issued to: the authenticated caller (or anonymous). */
    private static String caller(RequestContext http) {
        var principal = http.security().getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    /**
     * The session's {@code notifications/cancelled}: its tool call of that request id, if still running, is told
     * ({@link io.mcpee.api.McpExchange#isCancelled()}); a notification naming no running call changes nothing.
     */
    void cancel(McpSession session, JsonObject params) {
        JsonValue requestId = params.get("requestId");
        if (requestId != null && (requestId.getValueType() == JsonValue.ValueType.STRING
                || requestId.getValueType() == JsonValue.ValueType.NUMBER)) {
            inFlight.cancel(session.id(), requestId.toString());
        }
    }

    /**
     * Why a 2026-07-28 {@code subscriptions/listen} that passed {@link StatelessRequests#check} is refused: throttled
     * (it draws on the caller's listing budget, as {@code tools/list} does; 429), or a {@code notifications} filter
     * that is not an object (-32602, 400); null when it may open its stream.
     */
    Answer refuseListen(Message.Request request) {
        JsonValue filter = request.params().get("notifications");
        if (filter != null && filter.getValueType() != JsonValue.ValueType.OBJECT) {
            return Answer.refusal(Responses.statelessError(request.id(), ErrorCode.INVALID_PARAMS,
                    "Invalid params: \"notifications\" must be an object", null), 400);
        }
        return throttle.admitListing().map(refused -> Answer.throttled(STATELESS_ERRORS, request.id(),
                refused.retryAfterSeconds())).orElse(null);
    }

    /** Whether a {@code subscriptions/listen} asked for tool list changes (the only kind this server sends). */
    boolean wantsToolListChanges(Message.Request listen) {
        return listen.params().get("notifications") instanceof JsonObject filter
                && filter.get("toolsListChanged") == JsonValue.TRUE;
    }

    /**
     * Whether a session's tool call may ask its client while it runs: the client declared it can answer something
     * (elicitation, sampling, roots) and the tool's resource class takes an {@link io.mcpee.api.McpExchange}. Such
     * a call is answered as an event stream, which carries the questions.
     */
    boolean mayAsk(Message.Request call, McpSession session) {
        JsonObject capabilities = session.capabilities();
        if (!capabilities.containsKey("elicitation") && !capabilities.containsKey("sampling")
                && !capabilities.containsKey("roots") || !(call.params().get("name") instanceof JsonString name)) {
            return false;
        }
        ToolDefinition tool = registry.find(name.getString());
        return tool != null && ExchangeUsers.uses(tool.target().resourceClass());
    }

    /**
     * A session's client answered a request the server sent it (a tool call asking it): handed to the call waiting
     * for it. A response to nothing awaited (late, or made up) changes nothing.
     */
    void answered(McpSession session, Message.Response response) {
        clientRequests.answered(session.id(), response);
    }

    private Answer respond(Message.Request request, McpSession session, RequestContext http, EventStream stream) {
        if (request.method().equals("tools/call")) {
            ToolOutcome outcome = callTool(request, session.client(), http, stream, session.logLevel(),
                    ToolCallExchange.Asking.inSession(new SessionQuestions(clientRequests, session,
                            config.askTimeout())));
            return outcome.throttled() ? Answer.throttled(SESSION_ERRORS, request.id(), outcome.retryAfterSeconds())
                    : Answer.of(Responses.result(request.id(), outcome.result()));
        }
        if (request.method().equals("ping") || request.method().equals("tools/list")) {
            Optional<Refused> refused = throttle.admitListing();
            if (refused.isPresent()) {
                return Answer.throttled(SESSION_ERRORS, request.id(), refused.get().retryAfterSeconds());
            }
        }
        return Answer.of(Responses.result(request.id(), switch (request.method()) {
            case "ping" -> "{}";
            case "tools/list" -> listTools(request.params());
            case "logging/setLevel" -> setLogLevel(session, request.params());
            case "initialize" -> throw new ProtocolException(ErrorCode.INVALID_REQUEST,
                    "Invalid request: initialize must be the only message of its POST");
            default -> throw new ProtocolException(ErrorCode.METHOD_NOT_FOUND,
                    "Method not found: " + printable(request.method()));
        }));
    }

    private String listTools(JsonObject params) {
        int offset = 0;
        JsonValue cursor = params.get("cursor");
        if (cursor != null && cursor.getValueType() != JsonValue.ValueType.NULL) {
            if (cursor.getValueType() != JsonValue.ValueType.STRING) {
                throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid cursor");
            }
            offset = Cursor.decode(params.getString("cursor"));
        }
        // a caller sees only the tools it may call
        ToolRegistry.Page page = registry.page(offset, config.pageSize(), access::permits);
        if (offset > 0 && offset >= page.total()) {
            throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid cursor");
        }
        JsonArrayBuilder tools = JsonText.BUILDERS.createArrayBuilder();
        page.tools().forEach(tool -> tools.add(tool.toJson()));
        var result = JsonText.BUILDERS.createObjectBuilder().add("tools", tools);
        if (page.next() >= 0) {
            result.add("nextCursor", Cursor.encode(page.next()));
        }
        return result.build().toString();
    }

    /** {@code logging/setLevel}: the least severe log message the session's tool calls send from now on. */
    private static String setLogLevel(McpSession session, JsonObject params) {
        try {
            session.logLevel(LogLevel.of(params.get("level") instanceof JsonString level ? level.getString() : null));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: \"level\": " + e.getMessage());
        }
        return "{}";
    }

    /**
     * Runs a tool call with its exchange in place: the resource's {@link io.mcpee.api.McpExchange} reports to
     * {@code stream} what the request asked for (progress, log messages of {@code logLevel} or more severe), and a
     * session's call can be cancelled by request id while it runs.
     */
    private ToolOutcome callTool(Message.Request request, Client client, RequestContext http, EventStream stream,
                                 LogLevel logLevel, ToolCallExchange.Asking asking) {
        JsonObject params = request.params();
        JsonValue name = params.get("name");
        if (name == null || name.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: \"name\" must be a string");
        }
        JsonValue arguments = params.get("arguments");
        JsonObject argumentObject;
        if (arguments == null || arguments.getValueType() == JsonValue.ValueType.NULL) {
            argumentObject = JsonValue.EMPTY_JSON_OBJECT;
        } else if (arguments.getValueType() == JsonValue.ValueType.OBJECT) {
            argumentObject = arguments.asJsonObject();
        } else {
            throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid params: \"arguments\" must be an object");
        }
        String tool = ((JsonString) name).getString();
        JsonObject callArguments = argumentObject;
        ToolCallExchange exchange = new ToolCallExchange(stream, RequestMeta.progressToken(params), logLevel,
                message -> redactor.scrub(message, tool, callArguments), asking);
        ToolCallContext context = new ToolCallContext(http.headers(), http.uriInfo(), http.security(),
                http.request(), http.providers(), client.sessionId(), request.id().toJson(), client.name(),
                client.version(), exchange::answers);
        String requestId = request.id().toJson();
        if (client.sessionId() != null) {
            inFlight.started(client.sessionId(), requestId, exchange);
        }
        current.begin(exchange);
        try {
            return invoker.call(new ToolCall(tool, argumentObject, context));
        } finally {
            current.end();
            if (client.sessionId() != null) {
                inFlight.ended(client.sessionId(), requestId, exchange);
            }
        }
    }

    /** A method name as safe to echo: printable ASCII, at most 64 characters. */
    private static String printable(String text) {
        return printable(text, 64);
    }

    /** A client's text as safe to echo or log: printable ASCII, at most {@code maxLength} characters. */
    static String printable(String text, int maxLength) {
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > maxLength ? clean.substring(0, maxLength) + "..." : clean;
    }
}
