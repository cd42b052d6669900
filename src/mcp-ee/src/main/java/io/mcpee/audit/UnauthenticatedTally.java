package io.mcpee.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How many unauthenticated requests to {@code /mcp} one client address made in one period. */
@Entity
@Cacheable(false)
@Table(name = "audit_unauthenticated")
public class UnauthenticatedTally {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_unauthenticated_seq")
    @SequenceGenerator(name = "audit_unauthenticated_seq", sequenceName = "audit_unauthenticated_seq",
            allocationSize = 1)
    private Long id;

    @Column(name = "period_start", nullable = false)
    private OffsetDateTime periodStart;

    @Column(name = "period_end", nullable = false)
    private OffsetDateTime periodEnd;

    @Column(name = "client_ip", nullable = false)
    private String clientIp;

    @Column(nullable = false)
    private long requests;

    /** For JPA. */
    protected UnauthenticatedTally() {
    }

    UnauthenticatedTally(Instant periodStart, Instant periodEnd, String clientIp, long requests) {
        this.periodStart = periodStart.atOffset(ZoneOffset.UTC);
        this.periodEnd = periodEnd.atOffset(ZoneOffset.UTC);
        this.clientIp = AuditRecords.fit(clientIp, 64);
        this.requests = requests;
    }

    Instant periodStart() {
        return periodStart.toInstant();
    }

    Instant periodEnd() {
        return periodEnd.toInstant();
    }

    String clientIp() {
        return clientIp;
    }

    long requests() {
        return requests;
    }
}
