package dev.tandem.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code api_keys}; every query but the credential check is scoped to a tenant. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, String> {

    /** The key with this id if it is active, of whatever tenant: the credential check, before a tenant is known. */
    public Uni<ApiKeyEntity> findActive(String keyId) {
        return find("keyId = ?1 and revokedAt is null", keyId).firstResult();
    }

    public Uni<ApiKeyEntity> findOf(String tenantId, String keyId) {
        return find("tenantId = ?1 and keyId = ?2", tenantId, keyId).firstResult();
    }

    public Uni<List<ApiKeyEntity>> listOf(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc, keyId", tenantId).list();
    }

    public Uni<List<ApiKeyEntity>> activeOf(String tenantId, String system) {
        return find("tenantId = ?1 and system = ?2 and revokedAt is null", tenantId, system).list();
    }
}
