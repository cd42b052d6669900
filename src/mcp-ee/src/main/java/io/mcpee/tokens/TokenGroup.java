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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;

/** A named set of permissions that tokens can be given together. */
@Entity
@Cacheable(false)
@Table(name = "token_group")
public class TokenGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "token_group_seq")
    @SequenceGenerator(name = "token_group_seq", sequenceName = "token_group_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = TokenInput.GROUP_NAME)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "token_group_permission", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "permission", length = TokenInput.PERMISSION)
    private Set<String> permissions = new HashSet<>();

    protected TokenGroup() {
    }

    TokenGroup(String name, Set<String> permissions) {
        this.name = name;
        this.permissions = new HashSet<>(permissions);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public Set<String> getPermissions() {
        return Set.copyOf(permissions);
    }

    void setPermissions(Set<String> permissions) {
        this.permissions = new HashSet<>(permissions);
    }
}
