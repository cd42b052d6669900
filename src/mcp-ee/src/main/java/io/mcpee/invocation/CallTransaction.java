package io.mcpee.invocation;

import io.mcpee.results.ToolOutcome;
import jakarta.interceptor.InvocationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A tool call's transaction as the guards outside {@link TransactionGuard} see it: work they want committed with the
 * call, and whether the call committed. Kept in the invocation's context data, which every interceptor of one call
 * shares and nothing else sees.
 */
public final class CallTransaction {
    private static final String BEFORE_COMMIT = CallTransaction.class.getName() + ".beforeCommit";
    private static final String COMMITTED = CallTransaction.class.getName() + ".committed";

    private CallTransaction() {
    }

    /**
     * Has {@code work} done in the call's transaction once the call has its outcome, just before the commit, so that
     * it commits with the call's changes or not at all. An exception it throws rolls the call back and comes out of
     * {@code proceed()}. Not done when the call failed or marked its transaction for rollback. Call it before
     * {@code proceed()}.
     */
    public static void beforeCommit(InvocationContext invocation, Consumer<ToolOutcome> work) {
        work(invocation).add(work);
    }

    /**
     * After {@code proceed()} returned: true when the call's transaction committed (with the before-commit work),
     * false when the call had marked it for rollback, so nothing of it took effect and the before-commit work was
     * not done.
     */
    public static boolean committed(InvocationContext invocation) {
        return Boolean.TRUE.equals(invocation.getContextData().get(COMMITTED));
    }

    @SuppressWarnings("unchecked")
    static List<Consumer<ToolOutcome>> work(InvocationContext invocation) {
        return (List<Consumer<ToolOutcome>>) invocation.getContextData().computeIfAbsent(BEFORE_COMMIT,
                key -> new ArrayList<Consumer<ToolOutcome>>());
    }

    static void ended(InvocationContext invocation, boolean committed) {
        invocation.getContextData().put(COMMITTED, committed);
    }
}
