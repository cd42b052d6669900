package io.mcpee.transport;

import io.mcpee.api.InputRequest;
import io.mcpee.protocol.JsonText;
import io.mcpee.protocol.Message;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Asks the client of a session (protocol 2025-11-25 and earlier) while its tool call runs: each question goes out
 * as a JSON-RPC request on the call's event stream, the client POSTs its response in the session, and the method
 * waits for it — at most {@code mcpee.mcp.ask-timeout}, and no longer once the call is cancelled. The call's
 * transaction stays open meanwhile, so a method should ask before it changes anything.
 */
final class SessionQuestions {
    /** The first revision whose {@code elicitation/create} has a {@code mode}; older clients are sent none. */
    private static final String ELICITATION_MODES = "2025-11-25";
    private static final long POLL_MILLIS = 1000;

    private final ClientRequests requests;
    private final McpSession session;
    private final Duration timeout;

    SessionQuestions(ClientRequests requests, McpSession session, Duration timeout) {
        this.requests = requests;
        this.session = session;
        this.timeout = timeout;
    }

    /** What the client declared at {@code initialize} it can answer. */
    JsonObject capabilities() {
        return session.capabilities();
    }

    /**
     * Sends every question, then waits for every answer: the answers by key.
     *
     * @throws BadRequestException         the client answered with an error, or not with an object; or it
     *                                     cancelled the call (or closed its stream) while it was asked
     * @throws ClientErrorException        408: no answer within the time allowed
     */
    Map<String, JsonObject> ask(List<InputRequest> questions, EventStream stream, BooleanSupplier cancelled) {
        List<ClientRequests.Pending> sent = new ArrayList<>();
        try {
            for (InputRequest question : questions) {
                ClientRequests.Pending pending = requests.open(session.id());
                sent.add(pending);
                if (!stream.send(JsonText.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0")
                        .add("id", pending.id()).add("method", question.method()).add("params", params(question))
                        .build().toString())) {
                    throw cancelledWhileAsking(question);
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, JsonObject> answers = new LinkedHashMap<>();
            for (int i = 0; i < questions.size(); i++) {
                answers.put(questions.get(i).key(), answer(questions.get(i), sent.get(i), deadline, cancelled));
            }
            return answers;
        } finally {
            for (ClientRequests.Pending pending : sent) {
                requests.close(pending);
                if (!pending.response().isDone()) {
                    // the client may stop asking its user: the server no longer wants the answer
                    stream.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                            + "{\"requestId\":\"" + pending.id() + "\",\"reason\":\"the tool call ended\"}}");
                }
            }
        }
    }

    private JsonObject answer(InputRequest question, ClientRequests.Pending pending, long deadline,
                              BooleanSupplier cancelled) {
        Message.Response response;
        while (true) {
            try {
                response = pending.response().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    throw cancelledWhileAsking(question);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new ClientErrorException("Request Timeout: the client did not answer " + question.method()
                            + " (" + question.key() + ") within " + timeout, Response.Status.REQUEST_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("the server stopped waiting for the client's answer");
            } catch (ExecutionException e) {
                // never completed exceptionally: ClientRequests only completes with a response
                throw new IllegalStateException(e);
            }
        }
        if (response.error() != null) {
            throw new BadRequestException("the client did not answer " + question.method() + " (" + question.key()
                    + "): " + printable(response.error().get("message")));
        }
        if (!(response.result() instanceof JsonObject answer)) {
            throw new BadRequestException("the client's answer to " + question.method() + " (" + question.key()
                    + ") is not an object");
        }
        return answer;
    }

    /** The question's parameters as the session's revision has them. */
    private JsonObject params(InputRequest question) {
        if (question.method().equals("elicitation/create")
                && session.protocolVersion().compareTo(ELICITATION_MODES) < 0 && question.params().containsKey("mode")
                && "form".equals(question.params().getString("mode", null))) {
            return JsonText.BUILDERS.createObjectBuilder(question.params()).remove("mode").build();
        }
        return question.params();
    }

    private static BadRequestException cancelledWhileAsking(InputRequest question) {
        return new BadRequestException("the client cancelled the call while it was asked " + question.method()
                + " (" + question.key() + ")");
    }

    /** The client's error message as safe to repeat: printable, at most 200 characters. */
    private static String printable(Object message) {
        return message instanceof JsonString string ? McpDispatcher.printable(string.getString(), 200) : "no message";
    }
}
