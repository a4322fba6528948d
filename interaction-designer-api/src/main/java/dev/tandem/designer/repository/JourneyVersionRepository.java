package dev.tandem.designer.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code journey_versions}, always of one tenant. */
@ApplicationScoped
public class JourneyVersionRepository implements PanacheRepositoryBase<JourneyVersionEntity, Long> {

    public Uni<JourneyVersionEntity> findOf(String tenantId, String journeyId, int version) {
        return find("tenantId = ?1 and journeyId = ?2 and version = ?3", tenantId, journeyId, version).firstResult();
    }

    public Uni<JourneyVersionEntity> findWithStatus(String tenantId, String journeyId, String status) {
        return find("tenantId = ?1 and journeyId = ?2 and status = ?3", tenantId, journeyId, status).firstResult();
    }

    /** Newest first. */
    public Uni<List<JourneyVersionEntity>> versionsOf(String tenantId, String journeyId) {
        return find("tenantId = ?1 and journeyId = ?2 order by version desc", tenantId, journeyId).list();
    }

    /** The versions of these journeys, for a listing: one query, not one per journey. */
    public Uni<List<JourneyVersionEntity>> versionsOf(String tenantId, List<String> journeyIds) {
        if (journeyIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("tenantId = ?1 and journeyId in ?2 order by journeyId, version desc", tenantId, journeyIds)
                .list();
    }

}
