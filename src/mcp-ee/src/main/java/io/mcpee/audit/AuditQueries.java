package io.mcpee.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the audit log (the audit API), and its housekeeping writes (purge, unauthenticated tallies). */
@ApplicationScoped
class AuditQueries {
    private final AuditStore store;
    // field injection: a persistence context cannot be a constructor parameter
    @PersistenceContext(unitName = "crm")
    private EntityManager entities;

    @Inject
    AuditQueries(AuditStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected AuditQueries() {
        this.store = null;
    }

    /** One page of entries, newest first, and the cursor of the next page (null on the last). */
    Page search(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.user() != null) {
            jpql.append(" AND e.principal = :user");
            parameters.put("user", query.user());
        }
        if (query.credentialId() != null) {
            jpql.append(" AND e.credentialId = :credential");
            parameters.put("credential", query.credentialId());
        }
        if (query.tool() != null) {
            jpql.append(" AND e.toolName = :tool");
            parameters.put("tool", query.tool());
        }
        if (!query.outcomes().isEmpty()) {
            jpql.append(" AND e.outcome IN :outcomes");
            parameters.put("outcomes", List.copyOf(query.outcomes()));
        }
        if (query.from() != null) {
            jpql.append(" AND e.occurredAt >= :from");
            parameters.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            jpql.append(" AND e.occurredAt < :to");
            parameters.put("to", utc(query.to()));
        }
        if (query.before() != null) {
            jpql.append(" AND (e.occurredAt < :beforeTime OR (e.occurredAt = :beforeTime AND e.id < :beforeId))");
            parameters.put("beforeTime", utc(query.before().occurredAt()));
            parameters.put("beforeId", query.before().id());
        }
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
        TypedQuery<AuditEntry> select = entities.createQuery(jpql.toString(), AuditEntry.class);
        parameters.forEach(select::setParameter);
        // one more than asked tells whether another page follows
        List<AuditRecord> found = select.setMaxResults(query.limit() + 1).getResultList().stream()
                .map(AuditEntry::toRecord).toList();
        if (found.size() <= query.limit()) {
            return new Page(found, null);
        }
        List<AuditRecord> page = found.subList(0, query.limit());
        AuditRecord last = page.get(page.size() - 1);
        return new Page(page, new AuditQuery.Position(last.occurredAt(), last.id()).encode());
    }

    record Page(List<AuditRecord> entries, String next) {
    }

    /** The unauthenticated-request counts of the periods that began in [from, to), newest first. */
    List<UnauthenticatedTally> unauthenticated(Instant from, Instant to, int limit) {
        return entities.createQuery("SELECT t FROM UnauthenticatedTally t WHERE t.periodStart >= :from"
                        + " AND t.periodStart < :to ORDER BY t.periodStart DESC, t.requests DESC",
                        UnauthenticatedTally.class)
                .setParameter("from", utc(from)).setParameter("to", utc(to)).setMaxResults(limit).getResultList();
    }

    /** Deletes at most {@code size} entries older than {@code cutoff}, oldest first, in one transaction. */
    int purgeEntries(Instant cutoff, int size) {
        return purgeBatch("AuditEntry", "occurredAt", cutoff, size);
    }

    /** Deletes at most {@code size} counts of unauthenticated requests whose period ended before {@code cutoff}. */
    int purgeTallies(Instant cutoff, int size) {
        return purgeBatch("UnauthenticatedTally", "periodEnd", cutoff, size);
    }

    // entity and time are constants of this class, never input: the JPQL is not built from anything a caller sends
    private int purgeBatch(String entity, String time, Instant cutoff, int size) {
        return inTransaction(() -> {
            List<Long> ids = entities.createQuery("SELECT e.id FROM " + entity + " e WHERE e." + time + " < :cutoff"
                            + " ORDER BY e." + time + ", e.id", Long.class)
                    .setParameter("cutoff", utc(cutoff)).setMaxResults(size).getResultList();
            if (ids.isEmpty()) {
                return 0;
            }
            return entities.createQuery("DELETE FROM " + entity + " e WHERE e.id IN :ids")
                    .setParameter("ids", ids).executeUpdate();
        });
    }

    void writeTally(UnauthenticatedRequests.Drained drained) {
        inTransaction(() -> {
            for (UnauthenticatedRequests.Count count : drained.counts()) {
                entities.persist(new UnauthenticatedTally(drained.start(), drained.end(), count.clientIp(),
                        count.requests()));
            }
            return drained.counts().size();
        });
    }

    private int inTransaction(AuditStore.Work work) {
        return store.inTransaction(work, "audit maintenance failed");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
