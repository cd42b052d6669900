package io.mcpee.invocation;

import io.mcpee.api.InputRequest;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A tool call that cannot go on without its client's answers ({@link io.mcpee.api.McpExchange#ask}): thrown through
 * the resource method, which it ends (its transaction rolls back), past the invoker's failure mapping, to the
 * endpoint, which answers {@code input_required} with the questions, or -32021 when the client lacks what answering
 * needs. The audit records the round as {@code INPUT_REQUIRED}.
 */
public final class InputRequired extends RuntimeException {
    private final transient List<InputRequest> questions;
    private final transient Map<String, JsonObject> answers;
    private final String missingCapability;

    private InputRequired(List<InputRequest> questions, Map<String, JsonObject> answers, String missingCapability) {
        super(missingCapability == null ? "the call needs its client's answers"
                : "the client lacks the " + missingCapability + " capability", null, false, false);
        this.questions = List.copyOf(questions);
        this.answers = Map.copyOf(answers);
        this.missingCapability = missingCapability;
    }

    /** The client can answer: these questions, and the answers it gave so far (carried to the next round). */
    public static InputRequired questions(List<InputRequest> questions, Map<String, JsonObject> answers) {
        return new InputRequired(questions, answers, null);
    }

    /** The client did not declare the capability answering needs. */
    public static InputRequired missing(String capability) {
        return new InputRequired(List.of(), Map.of(), capability);
    }

    public List<InputRequest> questions() {
        return questions;
    }

    public Map<String, JsonObject> answers() {
        return answers;
    }

    /** The capability the client lacks, or null when it can answer. */
    public String missingCapability() {
        return missingCapability;
    }

    /** This exception among {@code failure} and its causes (an EJB container wraps what a bean throws), or null. */
    public static InputRequired in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputRequired inputRequired) {
                return inputRequired;
            }
        }
        return null;
    }
}
