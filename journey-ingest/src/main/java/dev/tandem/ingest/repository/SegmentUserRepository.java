package dev.tandem.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/** {@code segment_users}; every query names the tenant. Call within a session (a transaction to write). */
@ApplicationScoped
public class SegmentUserRepository implements PanacheRepositoryBase<SegmentUserEntity, SegmentUserEntity.Key> {

    public Uni<List<SegmentUserEntity>> findUsers(String tenantId, String system, Collection<String> userHashes) {
        if (userHashes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and system = ?2 and userHash in ?3", tenantId, system, userHashes);
    }

    /**
     * Records what a call said about the user in one statement (a race between instances ends in the later write);
     * a null field leaves what was known.
     */
    public Uni<Integer> upsert(String tenantId, String system, String userHash, String contactKey, String sealedTitle,
            boolean titleGiven, String accountKey, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO segment_users
                            (tenant_id, system, user_hash, contact_key, sealed_title, account_key, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (tenant_id, system, user_hash) DO UPDATE
                            SET contact_key = COALESCE(EXCLUDED.contact_key, segment_users.contact_key),
                                sealed_title = CASE WHEN ?8 THEN EXCLUDED.sealed_title
                                                    ELSE segment_users.sealed_title END,
                                account_key = COALESCE(EXCLUDED.account_key, segment_users.account_key),
                                updated_at = EXCLUDED.updated_at""")
                .setParameter(1, tenantId)
                .setParameter(2, system)
                .setParameter(3, userHash)
                .setParameter(4, contactKey)
                .setParameter(5, sealedTitle)
                .setParameter(6, accountKey)
                .setParameter(7, now.atOffset(ZoneOffset.UTC))
                .setParameter(8, titleGiven)
                .executeUpdate());
    }

    /** Forgets the contact of every user that named it (the contact was erased). */
    public Uni<Integer> forgetContact(String tenantId, String contactKey) {
        return update("contactKey = null, sealedTitle = null where tenantId = ?1 and contactKey = ?2", tenantId,
                contactKey);
    }
}
