package io.mcpee.transport;

import io.mcpee.api.McpIgnore;
import io.mcpee.network.CrossOrigin;
import io.mcpee.protocol.ErrorCode;
import io.mcpee.protocol.Message;
import io.mcpee.protocol.MessageParser;
import io.mcpee.protocol.ProtocolException;
import io.mcpee.protocol.ProtocolVersion;
import io.mcpee.protocol.RequestId;
import io.mcpee.protocol.RequestMeta;
import io.mcpee.protocol.Responses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.ws.rs.ext.Providers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The MCP Streamable HTTP endpoint at {@code /mcp}: JSON-RPC over POST, answered with {@code application/json} (or
 * an event stream when a tool call sends something before its result); {@code DELETE} ends a session; a session's
 * {@code GET} and a 2026-07-28 {@code subscriptions/listen} open a stream that stays open. It serves protocol 2026-07-28 (stateless: every request carries its revision and
 * client in {@code _meta}) beside the revisions that open a session with {@code initialize}, chosen per request
 * ({@link StatelessRequests#applies}). Every check that can reject a request happens here, before any message is
 * handled: path, Host and Origin, size, media types, then protocol version and session, or 2026-07-28's headers.
 */
@Path("")
@McpIgnore
@ApplicationScoped
public class McpEndpoint {
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    /** The methods of this endpoint, as {@code OPTIONS} and every 405 name them. */
    private static final String ALLOWED = "GET, POST, DELETE, OPTIONS";

    private final McpDispatcher dispatcher;
    private final SessionRegistry sessions;
    private final TransportConfig config;
    private final OriginPolicy origins;
    private final CrossOrigin crossOrigin;
    private final ServerDescription description;
    private final ListeningStreams streams;
    // CDI's built-in bean for the current servlet request, not a JAX-RS @Context parameter: JAX-RS makes the latter
    // through a per-request factory, which cost about 2 % of a tool call's CPU in bench/run.sh
    private final HttpServletRequest servletRequest;
    // The context objects a resource method may ask for with @Context, handed on to tool calls: injected once as
    // the request-bound proxies JAX-RS gives a singleton, not resolved as parameters of every POST (that cost about
    // 4 % of a tool call's CPU in bench/run.sh, for objects most tools never use).
    @Context
    private UriInfo uriInfo;
    @Context
    private SecurityContext security;
    @Context
    private Request request;
    @Context
    private Providers providers;

    @Inject
    McpEndpoint(McpDispatcher dispatcher, SessionRegistry sessions, TransportConfig config,
                HttpServletRequest servletRequest, CrossOrigin crossOrigin, ServerDescription description,
                ListeningStreams streams) {
        this.dispatcher = dispatcher;
        this.streams = streams;
        this.description = description;
        this.servletRequest = servletRequest;
        this.sessions = sessions;
        this.config = config;
        this.crossOrigin = crossOrigin;
        this.origins = new OriginPolicy(crossOrigin.allowedOrigins());
    }

    /**
     * For the CDI client proxy only. Public because Jakarta REST wants a public constructor on a root resource
     * class: RESTEasy (WildFly) refuses to deploy one without it, even when CDI makes the instances.
     */
    public McpEndpoint() {
        this.dispatcher = null;
        this.servletRequest = null;
        this.sessions = null;
        this.config = null;
        this.origins = null;
        this.crossOrigin = null;
        this.description = null;
        this.streams = null;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@Context HttpHeaders headers) {
        try {
            rejectUnlessServable(headers);
            if (!isJson(headers)) {
                throw rejection(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Media Type: the body must be application/json");
            }
            if (!acceptsJson(headers)) {
                throw rejection(Response.Status.NOT_ACCEPTABLE,
                        "Not Acceptable: the client must accept application/json and text/event-stream");
            }
            String sessionHeader = headers.getHeaderString(SESSION_HEADER);
            String versionHeader = headers.getHeaderString(VERSION_HEADER);
            MessageParser.Envelope envelope = parse(readBody(),
                    StatelessRequests.applies(sessionHeader, versionHeader, null));
            RequestContext context = new RequestContext(headers, uriInfo, security, request, providers);
            if (StatelessRequests.applies(sessionHeader, versionHeader, envelope.messages().get(0))) {
                return stateless(envelope, headers, context);
            }
            if (!envelope.batch() && envelope.messages().get(0) instanceof Message.Request r
                    && r.method().equals("initialize")) {
                return initialize(r);
            }
            McpSession session = session(headers);
            String version = protocolVersion(headers);
            if (envelope.batch() && !ProtocolVersion.allowsBatches(version)) {
                throw rejection(Response.Status.BAD_REQUEST,
                        "Invalid request: JSON-RPC batches are not supported in protocol " + version);
            }
            if (streamed(envelope, headers, call -> session.logLevel() != null || dispatcher.mayAsk(call, session))) {
                Message.Request call = (Message.Request) envelope.messages().get(0);
                return eventStream(stream -> dispatcher.answer(call, session, context, stream));
            }
            return answer(envelope, session, context);
        } catch (Rejection rejection) {
            return rejection.response();
        }
    }

    /**
     * A 2026-07-28 POST: one request or notification, no session. The request's headers and {@code _meta} are
     * checked ({@link StatelessRequests#check}: 400 on a mismatch), then it is dispatched; no {@code Mcp-Session-Id}
     * is ever sent. A notification is accepted (202): this revision defines none a client sends over HTTP.
     */
    private Response stateless(MessageParser.Envelope envelope, HttpHeaders headers, RequestContext context)
            throws Rejection {
        Message message = envelope.messages().get(0);
        if (envelope.batch()) {
            return json(Response.Status.BAD_REQUEST, Responses.statelessError(RequestId.NULL,
                    ErrorCode.INVALID_REQUEST, "Invalid request: protocol " + ProtocolVersion.STATELESS
                            + " takes one message per POST, not a batch", null));
        }
        if (message instanceof Message.Invalid invalid) {
            return json(Response.Status.BAD_REQUEST, Responses.statelessError(invalid.id(),
                    ErrorCode.INVALID_REQUEST, invalid.error(), null));
        }
        if (!(message instanceof Message.Request request)) {
            return Response.accepted().build();
        }
        RequestMeta meta = checked(headers, request);
        if (streamed(envelope, headers, call -> meta.logLevel() != null)) {
            return eventStream(stream -> dispatcher.answerStateless(request, meta, context, stream));
        }
        return response(dispatcher.answerStateless(request, meta, context, null));
    }

    /** The 2026-07-28 request's {@code _meta}, once its headers and {@code _meta} passed; else its 400. */
    private static RequestMeta checked(HttpHeaders headers, Message.Request request) throws Rejection {
        try {
            return StatelessRequests.check(headers::getHeaderString, request);
        } catch (ProtocolException e) {
            throw new Rejection(json(Response.Status.BAD_REQUEST, Responses.statelessError(request.id(), e.code(),
                    e.getMessage(), e.dataJson())));
        }
    }

    /** A dispatcher's answer as its HTTP response: its status, and the wait when it was not carried out. */
    private static Response response(McpDispatcher.Answer answer) {
        if (answer.retryAfterSeconds() > 0) {
            return retryLater(answer.status(), answer.retryAfterSeconds(), answer.json());
        }
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.json()).build();
    }

    /**
     * A session's {@code GET}: an event stream that stays open for what the server sends outside any call
     * ({@code notifications/tools/list_changed}); see {@link ListeningStreams}. Without a session there is nothing to
     * open (2026-07-28 has no {@code GET}: 405). A refusal is plain JSON, as JAX-RS sends a thrown response as is.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        try {
            rejectUnlessServable(headers);
            McpSession session = streamSession(headers);
            protocolVersion(headers);
            if (!streams.openForSession(session.id(), ListeningStreams.Credential.of(servletRequest),
                    ListeningStreams.sse(sink, sse))) {
                throw rejection(Response.Status.SERVICE_UNAVAILABLE,
                        "Service Unavailable: too many open event streams, try again later");
            }
        } catch (Rejection rejection) {
            throw new WebApplicationException(rejection.response());
        }
    }

    /** A {@code GET} that does not accept an event stream: 406, or 405 without a session. */
    @GET
    public Response get(@Context HttpHeaders headers) {
        try {
            rejectUnlessServable(headers);
            streamSession(headers);
            throw rejection(Response.Status.NOT_ACCEPTABLE,
                    "Not Acceptable: a GET opens an event stream: accept text/event-stream");
        } catch (Rejection rejection) {
            return rejection.response();
        }
    }

    /** The session a {@code GET} opens its stream in: 405 without one (the body says why), 404 for an unknown one. */
    private McpSession streamSession(HttpHeaders headers) throws Rejection {
        String id = headers.getHeaderString(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw new Rejection(Response.fromResponse(rejection(Response.Status.METHOD_NOT_ALLOWED, "Method Not "
                    + "Allowed: a GET opens the event stream of a session of protocol 2025-11-25 or earlier and "
                    + "needs its Mcp-Session-Id; protocol 2026-07-28 listens with subscriptions/listen")
                    .response()).header(HttpHeaders.ALLOW, ALLOWED).build());
        }
        return session(headers);
    }

    /**
     * A 2026-07-28 {@code subscriptions/listen} ({@link StreamRouting} routes it here): checked as every 2026-07-28
     * POST is, then answered with an event stream that stays open, its first event the acknowledgment; see
     * {@link ListeningStreams}. Of the notifications a client may ask for, {@code toolsListChanged} is served.
     */
    @StreamRouting.Listen
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void listen(@Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        try {
            rejectUnlessServable(headers);
            if (!isJson(headers)) {
                throw rejection(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Media Type: the body must be application/json");
            }
            MessageParser.Envelope envelope = parse(readBody(), true);
            Message message = envelope.messages().get(0);
            if (envelope.batch() || !(message instanceof Message.Request request)
                    || !StatelessRequests.applies(headers.getHeaderString(SESSION_HEADER),
                    headers.getHeaderString(VERSION_HEADER), message)) {
                RequestId id = message instanceof Message.Request r ? r.id()
                        : message instanceof Message.Invalid invalid ? invalid.id() : RequestId.NULL;
                throw new Rejection(json(Response.Status.BAD_REQUEST, Responses.statelessError(id,
                        ErrorCode.INVALID_REQUEST, "Invalid request: subscriptions/listen "
                                + "is one request of protocol " + ProtocolVersion.STATELESS + ", without a session",
                        null)));
            }
            checked(headers, request);
            McpDispatcher.Answer refused = dispatcher.refuseListen(request);
            if (refused != null) {
                throw new Rejection(response(refused));
            }
            if (!streams.openSubscription(request.id().value(), dispatcher.wantsToolListChanges(request),
                    ListeningStreams.Credential.of(servletRequest), ListeningStreams.sse(sink, sse))) {
                throw new Rejection(json(Response.Status.SERVICE_UNAVAILABLE, Responses.statelessError(request.id(),
                        ErrorCode.INTERNAL_ERROR, "Service Unavailable: too many open event streams, try again "
                                + "later", null)));
            }
        } catch (Rejection rejection) {
            throw new WebApplicationException(rejection.response());
        }
    }

    /**
     * A CORS preflight (the mechanism lets it through without credentials): allowed for the origins
     * {@code mcpee.mcp.allowed-origins} lists ({@link CrossOrigin}), refused for any other. An {@code OPTIONS} that is
     * not a preflight is told the methods.
     */
    @OPTIONS
    public Response options(@Context HttpHeaders headers) {
        try {
            rejectUnlessServable(headers);
            String origin = headers.getHeaderString("Origin");
            String method = headers.getHeaderString("Access-Control-Request-Method");
            if (origin == null || method == null) {
                // the methods this endpoint serves, as its 405s name them
                return Response.noContent().header(HttpHeaders.ALLOW, ALLOWED).build();
            }
            Response.ResponseBuilder allowed = Response.noContent();
            String refused = crossOrigin.preflight(origin, method,
                    headers.getHeaderString("Access-Control-Request-Headers"), allowed::header);
            if (refused != null) {
                throw rejection(Response.Status.FORBIDDEN, refused);
            }
            return allowed.build();
        } catch (Rejection rejection) {
            return rejection.response();
        }
    }

    @DELETE
    public Response delete(@Context HttpHeaders headers) {
        try {
            rejectUnlessServable(headers);
            String id = headers.getHeaderString(SESSION_HEADER);
            if (id == null || id.isBlank()) {
                // nothing to end: 2026-07-28 has no sessions, and its specification answers a DELETE so
                return Response.fromResponse(rejection(Response.Status.METHOD_NOT_ALLOWED, "Method Not Allowed: "
                        + "DELETE ends a session of protocol 2025-11-25 or earlier and needs its Mcp-Session-Id")
                        .response()).header(HttpHeaders.ALLOW, ALLOWED).build();
            }
            McpSession session = session(headers);
            sessions.remove(session);
            streams.sessionEnded(session.id());
            return Response.noContent().build();
        } catch (Rejection rejection) {
            return rejection.response();
        }
    }

    private Response initialize(Message.Request request) {
        JsonObject params = request.params();
        JsonValue requested = params.get("protocolVersion");
        if (requested == null || requested.getValueType() != JsonValue.ValueType.STRING) {
            return json(Response.Status.OK, Responses.error(request.id(), ErrorCode.INVALID_PARAMS,
                    "Invalid params: \"protocolVersion\" must be a string"));
        }
        String version = ProtocolVersion.negotiate(params.getString("protocolVersion"));
        JsonObject client = params.get("clientInfo") instanceof JsonObject info ? info : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject capabilities = params.get("capabilities") instanceof JsonObject declared ? declared
                : JsonValue.EMPTY_JSON_OBJECT;
        McpSession session = sessions.create(version, client.getString("name", null),
                client.getString("version", null), capabilities, SessionOwner.of(servletRequest)).orElse(null);
        if (session == null) {
            return json(Response.Status.SERVICE_UNAVAILABLE, Responses.error(request.id(), ErrorCode.INTERNAL_ERROR,
                    "Service Unavailable: too many sessions, try again later"));
        }
        String result = description.initializeResult(version);
        return Response.ok(Responses.result(request.id(), result), MediaType.APPLICATION_JSON_TYPE)
                .header(SESSION_HEADER, session.id()).build();
    }

    /**
     * A request that was not carried out is answered with its status and {@code Retry-After}: 429 when throttled,
     * 503 when the database cannot be reached. In a batch (protocol 2025-03-26) the other requests have run, so
     * their results must reach the client: the batch is 200 with an error for each refused request, and takes the
     * refusal's status only when every request in it was refused alike.
     */
    private Response answer(MessageParser.Envelope envelope, McpSession session, RequestContext context) {
        List<String> answers = new ArrayList<>();
        int refused = 0;
        int refusal = 0;
        long retryAfter = 0;
        for (Message message : envelope.messages()) {
            if (message instanceof Message.Request request) {
                McpDispatcher.Answer answer = dispatcher.answer(request, session, context, null);
                answers.add(answer.json());
                if (answer.refused()) {
                    refused++;
                    refusal = refusal == 0 || refusal == answer.status() ? answer.status() : -1;
                    retryAfter = Math.max(retryAfter, answer.retryAfterSeconds());
                }
            } else if (message instanceof Message.Invalid invalid) {
                answers.add(Responses.error(invalid.id(), ErrorCode.INVALID_REQUEST, invalid.error()));
            } else if (message instanceof Message.Notification notification
                    && notification.method().equals("notifications/cancelled")) {
                dispatcher.cancel(session, notification.params());
            } else if (message instanceof Message.Response response) {
                dispatcher.answered(session, response);
            }
            // notifications (notifications/initialized, cancellations) and client responses need no answer
        }
        if (answers.isEmpty()) {
            return Response.accepted().build();
        }
        if (refused == answers.size() && refusal > 0) {
            String body = envelope.batch() ? "[" + String.join(",", answers) + "]" : answers.get(0);
            return retryLater(refusal, retryAfter, body);
        }
        if (!envelope.batch()) {
            Response.Status status = envelope.messages().get(0) instanceof Message.Invalid
                    ? Response.Status.BAD_REQUEST : Response.Status.OK;
            return json(status, answers.get(0));
        }
        return json(Response.Status.OK, "[" + String.join(",", answers) + "]");
    }

    /**
     * Whether a POST is answered as an event stream: one {@code tools/call} whose client accepts
     * {@code text/event-stream} and may be sent something before the result — progress it asked for (a progress
     * token), or what {@code mayBeSent} finds: log messages it asked for, questions the tool may ask it. Anything
     * else is answered with plain JSON.
     */
    private static boolean streamed(MessageParser.Envelope envelope, HttpHeaders headers,
                                    Predicate<Message.Request> mayBeSent) {
        if (envelope.batch() || !(envelope.messages().get(0) instanceof Message.Request request)
                || !request.method().equals("tools/call")) {
            return false;
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS)
                && (RequestMeta.progressToken(request.params()) != null || mayBeSent.test(request));
    }

    /**
     * A tool call answered as {@code text/event-stream}: the call runs as JAX-RS writes the answer, so its progress
     * and log messages reach the client as they are sent, and its response is the last event. The status is 200
     * whatever the call's outcome (a refusal's error is that event), as it is sent before the call runs.
     */
    private static Response eventStream(Function<EventStream, McpDispatcher.Answer> call) {
        StreamingOutput body = out -> {
            EventStream stream = new EventStream(out);
            stream.send(call.apply(stream).json());
        };
        return Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    /** HTTP 429 or 503 with the wait in seconds (RFC 9110 {@code Retry-After}); the body is the JSON-RPC error. */
    static Response retryLater(int status, long retryAfterSeconds, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).entity(body).build();
    }

    /** The endpoint is served only by {@link McpApplication}; an application that scans all resources must not. */
    private void rejectUnlessServable(HttpHeaders headers)
            throws Rejection {
        // the servlet JAX-RS made of McpApplication is mapped to /mcp; any other application's servlet path is not
        if (!("/" + McpApplication.PATH).equals(servletRequest.getServletPath())) {
            throw new Rejection(Response.status(Response.Status.NOT_FOUND).build());
        }
        String refused = origins.check(headers.getHeaderString("Origin"), headers.getHeaderString(HttpHeaders.HOST),
                servletRequest.getLocalAddr());
        if (refused != null) {
            throw rejection(Response.Status.FORBIDDEN, refused);
        }
    }

    private McpSession session(HttpHeaders headers) throws Rejection {
        String id = headers.getHeaderString(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw rejection(Response.Status.BAD_REQUEST, "Bad Request: Mcp-Session-Id header is required");
        }
        // another caller's session is as unknown to this one as a session that never existed
        return sessions.find(id.strip(), SessionOwner.of(servletRequest)).orElseThrow(
                () -> rejection(Response.Status.NOT_FOUND, "Session not found: initialize a new session"));
    }

    private static String protocolVersion(HttpHeaders headers) throws Rejection {
        String version = headers.getHeaderString(VERSION_HEADER);
        if (version == null) {
            return ProtocolVersion.ASSUMED_WHEN_ABSENT;
        }
        if (!ProtocolVersion.isSupported(version.strip())) {
            throw rejection(Response.Status.BAD_REQUEST, "Bad Request: unsupported MCP-Protocol-Version; supported: "
                    + String.join(", ", ProtocolVersion.SUPPORTED));
        }
        return version.strip();
    }

    /** Content-Type is JSON: the usual header is recognised without parsing it. */
    private static boolean isJson(HttpHeaders headers) {
        String raw = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        int length = MediaType.APPLICATION_JSON.length();
        if (raw != null && raw.regionMatches(true, 0, MediaType.APPLICATION_JSON, 0, length)
                && (raw.length() == length || raw.charAt(length) == ';')) {
            return true;
        }
        MediaType contentType = headers.getMediaType();
        return contentType != null && contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean acceptsJson(HttpHeaders headers) {
        String raw = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (raw != null && !raw.contains("q=") && (raw.contains(MediaType.APPLICATION_JSON)
                || raw.contains(MediaType.SERVER_SENT_EVENTS))) {
            // what every MCP client sends; anything with weights goes through full negotiation below
            return true;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return accepted.isEmpty() || accepted.stream().anyMatch(type ->
                type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE));
    }

    /**
     * The body, read straight from the servlet request: this application has no reader interceptors or entity
     * providers that could apply to it, and an entity parameter costs a trip through JAX-RS's provider selection
     * on every POST (about 1 % of a tool call's CPU in bench/run.sh).
     */
    private String readBody() throws Rejection {
        long limit = config.maxRequestBytes();
        if (servletRequest.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try {
            // not closed: the stream is the container's, and the connection lives on
            byte[] bytes = servletRequest.getInputStream()
                    .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw rejection(Response.Status.BAD_REQUEST, "Bad Request: the body could not be read");
        }
    }

    /** The rest of an oversized body is not read, so the connection cannot be reused: close it. */
    private static Rejection tooLarge(long limit) {
        return new Rejection(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON_TYPE).header("Connection", "close")
                .entity(Responses.error(RequestId.NULL, ErrorCode.INVALID_REQUEST,
                        "Payload Too Large: the limit is " + limit + " bytes")).build());
    }

    /** The body's messages; a body that is not JSON-RPC is refused, without an id in 2026-07-28 (no null ids). */
    private static MessageParser.Envelope parse(String body, boolean stateless) throws Rejection {
        try {
            return MessageParser.parse(body);
        } catch (ProtocolException e) {
            throw new Rejection(json(Response.Status.BAD_REQUEST, stateless
                    ? Responses.statelessError(RequestId.NULL, e.code(), e.getMessage(), null)
                    : Responses.error(RequestId.NULL, e.code(), e.getMessage())));
        }
    }

    private static Rejection rejection(Response.Status status, String message) {
        ErrorCode code = status == Response.Status.SERVICE_UNAVAILABLE ? ErrorCode.INTERNAL_ERROR
                : ErrorCode.INVALID_REQUEST;
        return new Rejection(json(status, Responses.error(RequestId.NULL, code, message)));
    }

    private static Response json(Response.Status status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** A request refused before any message is handled; carries the HTTP response to send. */
    private static final class Rejection extends Exception {
        private final transient Response response;

        Rejection(Response response) {
            super(null, null, false, false);
            this.response = response;
        }

        Response response() {
            return response;
        }
    }
}
