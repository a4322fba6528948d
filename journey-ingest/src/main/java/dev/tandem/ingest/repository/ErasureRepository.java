package dev.tandem.ingest.repository;

import dev.tandem.support.vault.ContactKeyVault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Erasures in the vault, beside the keys they delete, so that deleting a key and recording why is one commit. */
@ApplicationScoped
public class ErasureRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    /** What a request came to: a new erasure, or the one that already covers the contact. */
    public record Requested(ErasureRecord erasure, boolean created) {
    }

    private final ContactKeyVault vault;

    public ErasureRepository(ContactKeyVault vault) {
        this.vault = vault;
    }

    /**
     * In one transaction: the contact's open erasure if there is one; otherwise its data keys are deleted and a new
     * erasure is recorded, unless there was nothing left to delete and an earlier erasure completed (then that one).
     */
    public Uni<Requested> request(String tenantId, String contactKey, String requestedBy, Instant now) {
        return vault.pool().withTransaction(connection -> requestIn(connection, tenantId, contactKey, requestedBy,
                        now))
                // two requests at once: the unique index let one insert; the other finds it open
                .onFailure(ErasureRepository::isUniqueViolation).recoverWithUni(() -> vault.pool()
                        .withTransaction(connection -> requestIn(connection, tenantId, contactKey, requestedBy, now)));
    }

    private Uni<Requested> requestIn(SqlConnection connection, String tenantId, String contactKey, String requestedBy,
            Instant now) {
        return connection.preparedQuery("SELECT " + ErasureRecord.COLUMNS + " FROM erasures "
                        + "WHERE tenant_id = $1 AND contact_key = $2 AND completed_at IS NULL")
                .execute(Tuple.of(tenantId, contactKey))
                .chain(open -> {
                    if (open.size() > 0) {
                        return Uni.createFrom().item(new Requested(ErasureRecord.of(open.iterator().next()), false));
                    }
                    return connection.preparedQuery("DELETE FROM contact_keys WHERE tenant_id = $1 AND contact_key = $2")
                            .execute(Tuple.of(tenantId, contactKey))
                            .chain(deleted -> deleted.rowCount() > 0
                                    ? insert(connection, tenantId, contactKey, requestedBy, now, deleted.rowCount())
                                    : latestCompleted(connection, tenantId, contactKey).chain(done -> done
                                            .map(erasure -> Uni.createFrom().item(new Requested(erasure, false)))
                                            .orElseGet(() -> insert(connection, tenantId, contactKey, requestedBy,
                                                    now, 0))));
                });
    }

    private Uni<Requested> insert(SqlConnection connection, String tenantId, String contactKey, String requestedBy,
            Instant now, int keysDeleted) {
        String id = "er_" + UUID.randomUUID().toString().replace("-", "");
        return connection.preparedQuery("INSERT INTO erasures (erasure_id, tenant_id, contact_key, requested_by, "
                        + "requested_at, keys_deleted) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + ErasureRecord.COLUMNS)
                .execute(Tuple.tuple(List.of(id, tenantId, contactKey, requestedBy, now.atOffset(ZoneOffset.UTC),
                        keysDeleted)))
                .map(rows -> new Requested(ErasureRecord.of(rows.iterator().next()), true));
    }

    private Uni<Optional<ErasureRecord>> latestCompleted(SqlConnection connection, String tenantId,
            String contactKey) {
        return connection.preparedQuery("SELECT " + ErasureRecord.COLUMNS + " FROM erasures WHERE tenant_id = $1 "
                        + "AND contact_key = $2 AND completed_at IS NOT NULL ORDER BY completed_at DESC LIMIT 1")
                .execute(Tuple.of(tenantId, contactKey))
                .map(ErasureRepository::first);
    }

    public Uni<Optional<ErasureRecord>> find(String tenantId, String erasureId) {
        return vault.pool().preparedQuery("SELECT " + ErasureRecord.COLUMNS + " FROM erasures "
                        + "WHERE tenant_id = $1 AND erasure_id = $2")
                .execute(Tuple.of(tenantId, erasureId))
                .map(ErasureRepository::first);
    }

    /** The tenant's erasures, newest first. */
    public Uni<List<ErasureRecord>> list(String tenantId, int limit) {
        return vault.pool().preparedQuery("SELECT " + ErasureRecord.COLUMNS + " FROM erasures WHERE tenant_id = $1 "
                        + "ORDER BY requested_at DESC, erasure_id LIMIT $2")
                .execute(Tuple.of(tenantId, limit))
                .map(ErasureRepository::all);
    }

    /** Erasures whose request is not on the log yet, oldest first. */
    public Uni<List<ErasureRecord>> unpublished(int limit) {
        return vault.pool().preparedQuery("SELECT " + ErasureRecord.COLUMNS + " FROM erasures "
                        + "WHERE published_at IS NULL ORDER BY requested_at LIMIT $1")
                .execute(Tuple.of(limit))
                .map(ErasureRepository::all);
    }

    /** The request is on the log; with no service to wait for, that completes it. */
    public Uni<Void> markPublished(String erasureId, Instant at, List<String> awaitedServices) {
        return vault.pool().preparedQuery("UPDATE erasures SET published_at = COALESCE(published_at, $2) "
                        + "WHERE erasure_id = $1")
                .execute(Tuple.of(erasureId, at.atOffset(ZoneOffset.UTC)))
                .chain(() -> completeIfConfirmed(erasureId, at, awaitedServices));
    }

    /** Records {@code service}'s confirmation (a repeated one changes nothing) and completes the erasure if due. */
    public Uni<Void> confirm(String erasureId, String service, Instant at, List<String> awaitedServices) {
        return vault.pool().preparedQuery("UPDATE erasures SET confirmed_by = array_append(confirmed_by, $2) "
                        + "WHERE erasure_id = $1 AND NOT ($2 = ANY(confirmed_by))")
                .execute(Tuple.of(erasureId, service))
                .chain(() -> completeIfConfirmed(erasureId, at, awaitedServices));
    }

    private Uni<Void> completeIfConfirmed(String erasureId, Instant at, List<String> awaitedServices) {
        return vault.pool().preparedQuery("UPDATE erasures SET completed_at = $2 WHERE erasure_id = $1 "
                        + "AND completed_at IS NULL AND published_at IS NOT NULL AND confirmed_by @> $3::text[]")
                .execute(Tuple.of(erasureId, at.atOffset(ZoneOffset.UTC), awaitedServices.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Optional<ErasureRecord> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(ErasureRecord.of(rows.iterator().next()));
    }

    private static List<ErasureRecord> all(RowSet<Row> rows) {
        List<ErasureRecord> records = new java.util.ArrayList<>(rows.size());
        rows.forEach(row -> records.add(ErasureRecord.of(row)));
        return records;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
