package dev.tandem.designer.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** {@code journeys}, always of one tenant. */
@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<JourneyEntity, Long> {

    public Uni<JourneyEntity> findOf(String tenantId, String journeyId) {
        return find("tenantId = ?1 and journeyId = ?2", tenantId, journeyId).firstResult();
    }

    /**
     * The journey, locked until the transaction ends: every change of a journey's versions takes it first, so two
     * designers publishing, archiving or opening drafts of one journey take turns.
     */
    public Uni<JourneyEntity> lockOf(String tenantId, String journeyId) {
        return find("tenantId = ?1 and journeyId = ?2", tenantId, journeyId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A page of the tenant's journeys in id order, after {@code afterJourneyId} (a cursor; null: from the start). */
    public Uni<List<JourneyEntity>> pageOf(String tenantId, String afterJourneyId, int limit) {
        return find("tenantId = ?1 and journeyId > ?2 order by journeyId", tenantId,
                afterJourneyId == null ? "" : afterJourneyId).page(0, limit).list();
    }
}
