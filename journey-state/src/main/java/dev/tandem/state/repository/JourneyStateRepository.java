package dev.tandem.state.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Data access of journey-state; every method runs inside the caller's session and transaction. */
@ApplicationScoped
public class JourneyStateRepository {

    /** Records the touchpoint as applied; false if it already was (then the caller must change nothing). */
    public Uni<Boolean> markProcessed(Mutiny.Session session, String tenantId, String eventId, String accountKey,
            Instant now) {
        return session.createNativeQuery("""
                        INSERT INTO processed_touchpoint (tenant_id, event_id, account_key, processed_at)
                        VALUES (:tenant, :eventId, :account, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("tenant", tenantId)
                .setParameter("eventId", eventId)
                .setParameter("account", accountKey)
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    public Uni<AccountStateEntity> findAccount(Mutiny.Session session, String tenantId, String accountKey) {
        return session.find(AccountStateEntity.class, new AccountId(tenantId, accountKey));
    }

    public Uni<Void> persistAll(Mutiny.Session session, List<?> entities) {
        return session.persistAll(entities.toArray());
    }

    /** Arbitrary but fixed key of the advisory lock that makes one replica at a time the outbox relay. */
    private static final long RELAY_LOCK_KEY = 0x7A4D_0001L;

    /** Takes the relay lock for the rest of the transaction; false if another replica holds it. */
    public Uni<Boolean> tryRelayLock(Mutiny.Session session) {
        return session.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", RELAY_LOCK_KEY)
                .getSingleResult();
    }

    public Uni<List<OutboxRecordEntity>> oldestOutboxRecords(Mutiny.Session session, int limit) {
        return session.createSelectionQuery("from OutboxRecordEntity order by id", OutboxRecordEntity.class)
                .setMaxResults(limit)
                .getResultList();
    }

    public Uni<Integer> deleteOutboxRecords(Mutiny.Session session, List<Long> ids) {
        return session.createMutationQuery("delete from OutboxRecordEntity where id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
