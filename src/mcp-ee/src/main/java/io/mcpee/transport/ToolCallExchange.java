package io.mcpee.transport;

import io.mcpee.api.InputRequest;
import io.mcpee.api.LogLevel;
import io.mcpee.invocation.InputRequired;
import io.mcpee.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One tool call's side of {@link io.mcpee.api.McpExchange}: where its progress and log messages go (the call's
 * event stream, or nowhere when it is answered with plain JSON), what the agent asked for, whether it cancelled,
 * and what its client can answer and has answered.
 * The method may report from any thread; reports are written one at a time.
 */
final class ToolCallExchange {
    private final EventStream stream;
    private final JsonValue progressToken;
    private final LogLevel minimumLevel;
    private final UnaryOperator<String> scrubber;
    private final Asking asking;
    private volatile boolean cancelled;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    /**
     * @param stream        the call's event stream, or null when the answer is plain JSON
     * @param progressToken the request's {@code _meta.progressToken}, or null when it asked for no progress
     * @param minimumLevel  the least severe log level the agent wants, or null when it wants none
     * @param scrubber      masks the call's sensitive arguments and anything that looks like a credential
     * @param asking        what the client declared it can answer, and the answers it gave
     */
    ToolCallExchange(EventStream stream, JsonValue progressToken, LogLevel minimumLevel,
                     UnaryOperator<String> scrubber, Asking asking) {
        this.stream = stream;
        this.progressToken = progressToken;
        this.minimumLevel = minimumLevel;
        this.scrubber = scrubber;
        this.asking = asking;
    }

    /**
     * What the client can answer, and has answered. A 2026-07-28 client: its {@code _meta} capabilities, this
     * request's {@code inputResponses} and the earlier rounds' answers its {@code requestState} carries; questions
     * still open end the call {@code input_required}. A session's client: what it declared at {@code initialize},
     * the answers it gave during this call, and {@code session}, which asks it while the call waits.
     */
    record Asking(JsonObject capabilities, Map<String, JsonObject> answers, SessionQuestions session) {
        static Asking stateless(JsonObject capabilities, Map<String, JsonObject> answers) {
            return new Asking(capabilities, answers, null);
        }

        static Asking inSession(SessionQuestions session) {
            // filled while the call runs, read by the audit when it has ended
            return new Asking(session.capabilities(), Collections.synchronizedMap(new LinkedHashMap<>()), session);
        }
    }

    /** The answers the client gave, as one JSON object for the audit; null when there are none. */
    JsonObject answers() {
        synchronized (asking.answers()) {
            if (asking.answers().isEmpty()) {
                return null;
            }
            var json = JsonText.BUILDERS.createObjectBuilder();
            asking.answers().forEach(json::add);
            return json.build();
        }
    }

    /**
     * The answers by key. Questions already answered in this call are not asked again; a session's client is asked
     * the others now, over the call's event stream; for a 2026-07-28 client they end the call
     * ({@link InputRequired}), as does a question its client did not declare it can answer. Not synchronized:
     * the method may report progress from other threads while it waits for a session's client.
     */
    Map<String, JsonObject> ask(InputRequest... questions) {
        Map<String, JsonObject> given = new LinkedHashMap<>();
        List<InputRequest> open = new ArrayList<>();
        for (InputRequest question : questions) {
            JsonObject answer = asking.answers().get(question.key());
            if (answer != null) {
                given.put(question.key(), answer);
            } else if (!canAsk(question)) {
                if (asking.session() != null) {
                    throw new BadRequestException("the agent's MCP client did not declare the "
                            + question.capability() + " capability, which this operation needs");
                }
                throw InputRequired.missing(question.capability());
            } else {
                open.add(question);
            }
        }
        if (open.isEmpty()) {
            return given;
        }
        if (asking.session() == null) {
            throw InputRequired.questions(open, asking.answers());
        }
        if (stream == null) {
            throw new BadRequestException("this operation asks the agent's MCP client, which needs the call "
                    + "answered as an event stream: the client must accept text/event-stream");
        }
        Map<String, JsonObject> answers = asking.session().ask(open, stream, this::cancelled);
        asking.answers().putAll(answers);
        given.putAll(answers);
        return given;
    }

    boolean canAsk(InputRequest question) {
        return asking.capabilities().containsKey(question.capability());
    }

    synchronized void progress(double progress, Double total, String message) {
        if (stream == null || progressToken == null || cancelled || !(progress > lastProgress)
                || !Double.isFinite(progress)) {
            return;
        }
        lastProgress = progress;
        var params = JsonText.BUILDERS.createObjectBuilder().add("progressToken", progressToken);
        add(params, "progress", progress);
        if (total != null && Double.isFinite(total)) {
            add(params, "total", total);
        }
        if (message != null) {
            params.add("message", scrubber.apply(message));
        }
        send("notifications/progress", params.build().toString());
    }

    synchronized void log(LogLevel level, String message) {
        if (stream == null || minimumLevel == null || cancelled || level == null
                || level.compareTo(minimumLevel) < 0) {
            return;
        }
        send("notifications/message", JsonText.BUILDERS.createObjectBuilder().add("level", level.protocolName())
                .add("logger", "application").add("data", scrubber.apply(String.valueOf(message))).build()
                .toString());
    }

    /** The agent cancelled, or its stream is gone: nothing more is sent, and the method can see it. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        if (!cancelled && stream != null && stream.closedByClient()) {
            cancelled = true;
        }
        return cancelled;
    }

    private void send(String method, String params) {
        if (!stream.send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}")) {
            // the agent closed the stream: in 2026-07-28 that is how it cancels
            cancelled = true;
        }
    }

    /** Whole numbers as integers (progress 50, not 50.0), as clients compare and show them. */
    private static void add(JsonObjectBuilder object, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            object.add(name, (long) value);
        } else {
            object.add(name, value);
        }
    }
}
