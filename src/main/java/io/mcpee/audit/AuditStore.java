package io.mcpee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes audit entries, and owns the transaction a mutating tool call runs in, so that the call's changes and its
 * entry commit together or not at all. Every failure to write is an {@link AuditUnavailable}, after which nothing
 * of the transaction is left open.
 */
@ApplicationScoped
class AuditStore {
    private static final Logger LOG = Logger.getLogger(AuditStore.class.getName());

    private final UserTransaction transaction;
    // field injection: a persistence context cannot be a constructor parameter
    @PersistenceContext(unitName = "crm")
    private EntityManager entities;

    @Inject
    AuditStore(UserTransaction transaction) {
        this.transaction = transaction;
    }

    /** For the CDI client proxy only. */
    protected AuditStore() {
        this.transaction = null;
    }

    /** Opens the transaction a mutating call runs in; the resource's own transactional code joins it. */
    void begin() {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new AuditUnavailable("cannot begin a transaction", e);
        }
    }

    /**
     * Ends the call's transaction. While it can still commit, the entry is written into it and both commit
     * together; returns true. When the application's failure has marked it for rollback, it is rolled back and
     * false returned: the entry must then be written alone ({@link #writeAlone}).
     */
    boolean commitWith(AuditRecord record) {
        try {
            if (transaction.getStatus() != Status.STATUS_ACTIVE) {
                rollback();
                return false;
            }
            entities.persist(new AuditEntry(record));
            entities.flush();
            transaction.commit();
            return true;
        } catch (Exception e) {
            rollback();
            throw new AuditUnavailable("the entry was refused; the call was rolled back", e);
        }
    }

    /** Writes the entry in a transaction of its own. */
    void writeAlone(AuditRecord record) {
        begin();
        try {
            entities.persist(new AuditEntry(record));
            transaction.commit();
        } catch (Exception e) {
            rollback();
            throw new AuditUnavailable("the entry was refused", e);
        }
    }

    /** Rolls back the call's transaction, if one is still open on this thread. */
    void rollback() {
        try {
            int status = transaction.getStatus();
            if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_COMMITTED
                    && status != Status.STATUS_ROLLEDBACK) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "mcp-ee: audit: rolling back failed", e);
        }
    }
}
