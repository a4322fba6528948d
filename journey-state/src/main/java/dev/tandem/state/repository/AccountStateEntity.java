package dev.tandem.state.repository;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored state of one account: its last snapshot (JSON), with version and momentum as columns to query. */
@Entity
@Table(name = "account_state")
public class AccountStateEntity {

    @EmbeddedId
    public AccountId id;

    @Column(name = "account_version", nullable = false)
    public long accountVersion;

    @Column(nullable = false)
    public int momentum;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: two writers of one account would be a partitioning bug; fail rather than lose one. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
