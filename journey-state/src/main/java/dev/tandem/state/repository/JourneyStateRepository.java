package dev.tandem.state.repository;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.ArrayList;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/** Data access of journey-state; every method runs inside the caller's session and transaction. */
@ApplicationScoped
public class JourneyStateRepository {

    /** Arbitrary but fixed keys of the advisory locks that make one replica at a time relay or tick. */
    private static final long RELAY_LOCK_KEY = 0x7A4D_0001L;
    private static final long TICK_LOCK_KEY = 0x7A4D_0002L;

    /** A touchpoint to record as processed. */
    public record Processed(String tenantId, String eventId, String accountKey) {
    }

    /**
     * The touchpoints applied to these accounts before, as stored with their processed ids, leaving out
     * {@code except} (this batch's, recorded in the same transaction but not applied yet). One query.
     */
    public Uni<Map<AccountId, List<String>>> historyOf(Mutiny.Session session, Collection<AccountId> accounts,
            Collection<String> except) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<AccountId> list = List.copyOf(accounts);
        StringBuilder sql = new StringBuilder("SELECT tenant_id, account_key, event_id, touchpoint"
                + " FROM processed_touchpoint WHERE touchpoint IS NOT NULL AND (tenant_id, account_key) IN (");
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :a").append(i).append(')');
        }
        sql.append(')');
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql.toString(), Object[].class);
        for (int i = 0; i < list.size(); i++) {
            query.setParameter("t" + i, list.get(i).tenantId()).setParameter("a" + i, list.get(i).accountKey());
        }
        Set<String> skip = new HashSet<>(except);
        return query.getResultList().map(rows -> {
            Map<AccountId, List<String>> history = new java.util.HashMap<>();
            for (Object[] row : rows) {
                if (!skip.contains(row[0] + "/" + row[2])) {
                    history.computeIfAbsent(new AccountId((String) row[0], (String) row[1]), id -> new ArrayList<>())
                            .add((String) row[3]);
                }
            }
            return history;
        });
    }

    /**
     * Records the touchpoints as applied in one statement and answers the (tenant, event id) pairs that were new;
     * the others had been applied before and must change nothing.
     */
    public Uni<Set<Processed>> markProcessed(Mutiny.Session session, List<Processed> touchpoints,
            List<String> payloads, Instant now) {
        if (touchpoints.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO processed_touchpoint (tenant_id, event_id, account_key, processed_at, touchpoint) VALUES ");
        for (int i = 0; i < touchpoints.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :e").append(i).append(", :a")
                    .append(i).append(", :now, :p").append(i).append(")");
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING tenant_id || '/' || event_id");
        Mutiny.SelectionQuery<String> query = session.createNativeQuery(sql.toString(), String.class);
        for (int i = 0; i < touchpoints.size(); i++) {
            Processed p = touchpoints.get(i);
            query.setParameter("t" + i, p.tenantId()).setParameter("e" + i, p.eventId())
                    .setParameter("a" + i, p.accountKey()).setParameter("p" + i, payloads.get(i));
        }
        return query.setParameter("now", now).getResultList().map(inserted -> {
            Set<String> fresh = new HashSet<>(inserted);
            Set<Processed> result = new HashSet<>();
            touchpoints.stream().filter(p -> fresh.contains(p.tenantId() + "/" + p.eventId())).forEach(result::add);
            return result;
        });
    }

    /** The stored states of these accounts (managed: changes are flushed at commit), in one query. */
    public Uni<List<AccountStateEntity>> findAccounts(Mutiny.Session session, Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<AccountId> list = List.copyOf(ids);
        StringBuilder sql = new StringBuilder("SELECT * FROM account_state WHERE (tenant_id, account_key) IN (");
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :a").append(i).append(')');
        }
        Mutiny.SelectionQuery<AccountStateEntity> query =
                session.createNativeQuery(sql.append(')').toString(), AccountStateEntity.class);
        for (int i = 0; i < list.size(); i++) {
            query.setParameter("t" + i, list.get(i).tenantId()).setParameter("a" + i, list.get(i).accountKey());
        }
        return query.getResultList();
    }

    /**
     * A page of accounts whose journey is open (no outcome yet) and that nothing changed since {@code before},
     * in key order after {@code after} (null: from the start).
     */
    public Uni<List<AccountStateEntity>> quietOpenAccounts(Mutiny.Session session, Instant before, AccountId after,
            int limit) {
        return session.createNativeQuery("""
                        SELECT * FROM account_state
                        WHERE updated_at < :before AND state -> 'journey' ->> 'outcome' IS NULL
                          AND (tenant_id, account_key) > (:tenant, :account)
                        ORDER BY tenant_id, account_key LIMIT :limit""", AccountStateEntity.class)
                .setParameter("before", before)
                .setParameter("tenant", after == null ? "" : after.tenantId())
                .setParameter("account", after == null ? "" : after.accountKey())
                .setParameter("limit", limit)
                .getResultList();
    }

    public Uni<Void> persistAll(Mutiny.Session session, List<?> entities) {
        return session.persistAll(entities.toArray());
    }

    /** Takes the relay lock for the rest of the transaction; false if another replica holds it. */
    public Uni<Boolean> tryRelayLock(Mutiny.Session session) {
        return tryLock(session, RELAY_LOCK_KEY);
    }

    /** Takes the stall-ticker lock for the rest of the transaction; false if another replica holds it. */
    public Uni<Boolean> tryTickLock(Mutiny.Session session) {
        return tryLock(session, TICK_LOCK_KEY);
    }

    private static Uni<Boolean> tryLock(Mutiny.Session session, long key) {
        return session.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", key)
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
