package dev.tandem.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code idempotency_keys}: the request a key was first used with (its hash) and, once answered, the answer.
 * Never leaves the repository layer.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKeyEntity.Key.class)
public class IdempotencyKeyEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public String system;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_sha256")
    public String requestSha256;

    /** The answer's HTTP status; null while the first request is in flight. */
    public Short status;

    @Column(name = "content_type")
    public String contentType;

    public String answer;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public String tenantId;
        public String system;
        public String idempotencyKey;

        public Key() {
        }

        public Key(String tenantId, String system, String idempotencyKey) {
            this.tenantId = tenantId;
            this.system = system;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(system, key.system) && Objects.equals(idempotencyKey, key.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, system, idempotencyKey);
        }
    }
}
