package io.mcpee.demo;

import io.mcpee.api.ReadOnly;
import io.mcpee.api.Sensitive;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A customer of the CRM. {@code owner} is the user who created it. The server sets the id (generated), owner,
 * creation time and last modifier: {@code @ReadOnly} keeps them out of the tools' input schemas. The social
 * security number is {@code @Sensitive}: tool results show it only to callers with {@code customers:pii}.
 */
@Entity
@Table(name = "customer")
@Contactable
@Schema(description = "A customer of the CRM")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 1)
    private Long id;

    @NotBlank
    @Size(max = 200)
    @Schema(description = "Full name or company name")
    private String name;

    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 40)
    private String phone;

    @Pattern(regexp = "^\\d{3}-\\d{2}-\\d{4}$", message = "must look like 123-45-6789")
    @Schema(description = "US social security number, 123-45-6789")
    @Sensitive(unlessRole = Roles.CUSTOMERS_PII)
    private String ssn;

    @ReadOnly
    @Column(name = "owner_name", nullable = false)
    private String owner;

    @ReadOnly
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ReadOnly
    @Column(name = "last_modified_by")
    private String lastModifiedBy;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getSsn() {
        return ssn;
    }

    public void setSsn(String ssn) {
        this.ssn = ssn;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getLastModifiedBy() {
        return lastModifiedBy;
    }

    public void setLastModifiedBy(String lastModifiedBy) {
        this.lastModifiedBy = lastModifiedBy;
    }
}
