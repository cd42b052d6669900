package io.mcpee.bench.sdk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** The CRM's customer row (table {@code customer}, made by the demo's migrations), read-only here. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    private Long id;
    private String name;
    private String email;
    private String phone;
    private String ssn;
    @Column(name = "owner_name")
    private String owner;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "last_modified_by")
    private String lastModifiedBy;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getSsn() {
        return ssn;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getLastModifiedBy() {
        return lastModifiedBy;
    }
}
