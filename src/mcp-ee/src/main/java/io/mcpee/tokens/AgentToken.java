package io.mcpee.tokens;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent's credential. It acts as its owner user but holds only its own grants: direct permissions and those
 * of its groups, never the owner's other rights. The secret is kept only as a hash.
 */
@Entity
@Cacheable(false)
@Table(name = "agent_token")
public class AgentToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_token_seq")
    @SequenceGenerator(name = "agent_token_seq", sequenceName = "agent_token_seq", allocationSize = 1)
    private Long id;

    @Column(name = "key_id", nullable = false, unique = true)
    private String keyId;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(nullable = false, length = TokenInput.TOKEN_NAME)
    private String name;

    @Column(name = "owner_name", nullable = false, length = TokenInput.OWNER)
    private String owner;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null: never expires. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** A per-token rate such as "100/minute", for the throttling guard; null: the configured default. */
    @Column(name = "rate_limit", length = TokenInput.RATE_LIMIT)
    private String rateLimit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_token_permission", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "permission", length = TokenInput.PERMISSION)
    private Set<String> permissions = new HashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "agent_token_group", joinColumns = @JoinColumn(name = "token_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<TokenGroup> groups = new HashSet<>();

    protected AgentToken() {
    }

    AgentToken(String keyId, String secretHash, String name, String owner, Instant createdAt, Instant expiresAt) {
        this.keyId = keyId;
        this.secretHash = secretHash;
        this.name = name;
        this.owner = owner;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Active and not expired. */
    public boolean isValid(Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean hasPermission(String permission) {
        return getAllPermissions().contains(permission);
    }

    /** Direct permissions and those of every group. */
    public Set<String> getAllPermissions() {
        Set<String> all = new TreeSet<>(permissions);
        groups.forEach(group -> all.addAll(group.getPermissions()));
        return all;
    }

    void replaceSecret(String keyId, String secretHash) {
        this.keyId = keyId;
        this.secretHash = secretHash;
    }

    public Long getId() {
        return id;
    }

    public String getKeyId() {
        return keyId;
    }

    String getSecretHash() {
        return secretHash;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public String getRateLimit() {
        return rateLimit;
    }

    void setRateLimit(String rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Set<String> getPermissions() {
        return Set.copyOf(permissions);
    }

    void setPermissions(Set<String> permissions) {
        this.permissions = new HashSet<>(permissions);
    }

    public Set<TokenGroup> getGroups() {
        return Set.copyOf(groups);
    }

    void setGroups(Set<TokenGroup> groups) {
        this.groups = new HashSet<>(groups);
    }
}
