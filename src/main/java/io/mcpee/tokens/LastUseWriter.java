package io.mcpee.tokens;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Writes a token's last use off the request thread: authentication never waits on this write. */
@Stateless
public class LastUseWriter {
    @PersistenceContext
    private EntityManager em;

    @Asynchronous
    public void record(long tokenId, Instant usedAt) {
        em.createQuery("UPDATE AgentToken t SET t.lastUsedAt = :at WHERE t.id = :id AND "
                        + "(t.lastUsedAt IS NULL OR t.lastUsedAt < :at)")
                .setParameter("at", usedAt).setParameter("id", tokenId).executeUpdate();
    }
}
