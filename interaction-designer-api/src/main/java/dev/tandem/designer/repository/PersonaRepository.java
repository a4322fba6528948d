package dev.tandem.designer.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code personas}, always of one tenant. */
@ApplicationScoped
public class PersonaRepository implements PanacheRepositoryBase<PersonaEntity, Long> {

    public Uni<PersonaEntity> findOf(String tenantId, String role) {
        return find("tenantId = ?1 and role = ?2", tenantId, role).firstResult();
    }

    public Uni<List<PersonaEntity>> listOf(String tenantId) {
        return find("tenantId = ?1 order by role", tenantId).list();
    }
}
