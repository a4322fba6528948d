package dev.tandem.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code segment_users}: what identify and group said about one user. Never leaves the repository layer. */
@Entity
@Table(name = "segment_users")
@IdClass(SegmentUserEntity.Key.class)
public class SegmentUserEntity {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public String system;

    /** HMAC of {@code u:<userId>} or {@code a:<anonymousId>}. */
    @Id
    @Column(name = "user_hash")
    public String userHash;

    @Column(name = "contact_key")
    public String contactKey;

    @Column(name = "sealed_title")
    public String sealedTitle;

    @Column(name = "account_key")
    public String accountKey;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public String tenantId;
        public String system;
        public String userHash;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(system, key.system) && Objects.equals(userHash, key.userHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, system, userHash);
        }
    }
}
