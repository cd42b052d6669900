package io.mcpee.invocation;

import io.mcpee.results.Outcome;
import io.mcpee.results.ToolOutcome;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every tool call runs in a JTA transaction of its own, opened here; the resource's transactional code (an EJB, a
 * {@code @Transactional} bean) joins it, as a REST call's would run in the one its resource opens. It commits when
 * the call has its outcome, with whatever the guards outside registered ({@link CallTransaction#beforeCommit}: the
 * audit entry), and rolls back when the call threw, when the application marked it for rollback, or when that work
 * failed. A call marked for rollback that still answered success fails ({@link CallNotCommitted}): its answer would
 * claim a change that never happened. Its place in the chain: inside the audit ({@code + 200}), so that the audit sees how the transaction
 * ended, and outside throttling ({@code + 300}) and authorization ({@code + 400}).
 */
@ToolCallChain
@Interceptor
@Priority(TransactionGuard.PRIORITY)
public class TransactionGuard {
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 250;
    private static final Logger LOG = Logger.getLogger(TransactionGuard.class.getName());

    // The container's own object, not CDI's built-in bean: that bean's proxy looks the transaction up in JNDI on
    // every method call (about 4 % of a tool call's CPU in bench/run.sh). A resource cannot be a constructor
    // parameter.
    @Resource
    private UserTransaction transaction;

    @AroundInvoke
    Object inTransaction(InvocationContext invocation) throws Exception {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin the tool call's transaction", e);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception | Error e) {
            rollback();
            throw e;
        }
        if (!active()) {
            // marked for rollback: nothing of the call takes effect, nothing is added to it
            rollback();
            if (((ToolOutcome) result).outcome() == Outcome.SUCCESS) {
                // yet the method answered success: the agent must not be told a change happened that did not,
                // so the call fails as a @Transactional REST method's commit would (RollbackException, 500)
                throw new CallNotCommitted(new RollbackException("the call's transaction was marked for rollback,"
                        + " but the method answered success"));
            }
            CallTransaction.ended(invocation, false);
            return result;
        }
        try {
            for (Consumer<ToolOutcome> work : CallTransaction.work(invocation)) {
                work.accept((ToolOutcome) result);
            }
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            transaction.commit();
        } catch (Exception e) {
            rollback();
            throw new CallNotCommitted(e);
        }
        CallTransaction.ended(invocation, true);
        return result;
    }

    private boolean active() {
        try {
            return transaction.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            rollback();
            throw new CallNotCommitted(e);
        }
    }

    private void rollback() {
        try {
            int status = transaction.getStatus();
            if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_COMMITTED
                    && status != Status.STATUS_ROLLEDBACK) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "mcp-ee: rolling back a tool call's transaction failed", e);
        }
    }
}
