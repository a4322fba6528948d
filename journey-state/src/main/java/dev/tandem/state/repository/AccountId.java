package dev.tandem.state.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** Tenant and account: the key of every per-account row. */
@Embeddable
public record AccountId(
        @Column(name = "tenant_id") String tenantId,
        @Column(name = "account_key") String accountKey) implements Serializable {
}
