package dev.tandem.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code idempotency_keys}; every query names the tenant and system but the expiry sweep. Call within a session. */
@ApplicationScoped
public class IdempotencyKeyRepository
        implements PanacheRepositoryBase<IdempotencyKeyEntity, IdempotencyKeyEntity.Key> {

    /**
     * Claims the key for a request in one statement: a new row, or the takeover of an expired row or of one left in
     * flight since before {@code staleBefore} (an instance that stopped mid-request). True when this request holds
     * the key now; false when a live row (answered or in flight) has it. The primary key settles a race between
     * instances: of two concurrent claims, the second waits for the first's transaction and then finds its row.
     */
    public Uni<Boolean> claim(String tenantId, String system, String key, String requestSha256, Instant now,
            Instant expiresAt, Instant staleBefore) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO idempotency_keys
                            (tenant_id, system, idempotency_key, request_sha256, created_at, expires_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (tenant_id, system, idempotency_key) DO UPDATE
                            SET request_sha256 = EXCLUDED.request_sha256, status = NULL, content_type = NULL,
                                answer = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                            WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
                               OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < ?7)""")
                .setParameter(1, tenantId)
                .setParameter(2, system)
                .setParameter(3, key)
                .setParameter(4, requestSha256)
                .setParameter(5, now.atOffset(ZoneOffset.UTC))
                .setParameter(6, expiresAt.atOffset(ZoneOffset.UTC))
                .setParameter(7, staleBefore.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<IdempotencyKeyEntity> findKey(String tenantId, String system, String key) {
        return findById(new IdempotencyKeyEntity.Key(tenantId, system, key));
    }

    /** Stores the answer of the request that claimed the key (its hash: a takeover since then is not overwritten). */
    public Uni<Integer> answer(String tenantId, String system, String key, String requestSha256, int status,
            String contentType, String answer) {
        return update("status = ?1, contentType = ?2, answer = ?3 where tenantId = ?4 and system = ?5 "
                        + "and idempotencyKey = ?6 and requestSha256 = ?7 and status is null",
                (short) status, contentType, answer, tenantId, system, key, requestSha256);
    }

    /** Gives the key up (the request ended without an answer worth replaying), so that a retry is processed. */
    public Uni<Long> release(String tenantId, String system, String key, String requestSha256) {
        return delete("tenantId = ?1 and system = ?2 and idempotencyKey = ?3 and requestSha256 = ?4 "
                + "and status is null", tenantId, system, key, requestSha256);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
