package dev.tandem.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code api_keys}: who may send as which system of which tenant. Never leaves the repository layer. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "tenant_id")
    public String tenantId;

    public String system;

    public String label;

    @Column(name = "secret_sha256")
    public String secretSha256;

    public short slot;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public boolean active() {
        return revokedAt == null;
    }
}
