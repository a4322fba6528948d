package dev.tandem.state.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The published journey definitions, one row per (tenant, journey): the latest published version. */
@ApplicationScoped
public class JourneyDefinitionRepository {

    /**
     * Stores a published version unless a newer version of the journey is stored already. The JSON is bound as
     * text and cast: bound as is, the driver would store it as one JSON string.
     */
    public Uni<Integer> upsertPublished(Mutiny.Session session, String tenantId, String journeyId, int version,
            String definitionJson, Instant publishedAt, Instant now) {
        return session.createNativeQuery("""
                        INSERT INTO journey_definition (tenant_id, journey_id, version, definition, published_at,
                                                        updated_at)
                        VALUES (:tenant, :journey, :version, CAST(CAST(:definition AS text) AS jsonb), :publishedAt, :now)
                        ON CONFLICT (tenant_id, journey_id) DO UPDATE
                          SET version = excluded.version, definition = excluded.definition,
                              published_at = excluded.published_at, updated_at = excluded.updated_at
                          WHERE journey_definition.version <= excluded.version""")
                .setParameter("tenant", tenantId)
                .setParameter("journey", journeyId)
                .setParameter("version", version)
                .setParameter("definition", definitionJson)
                .setParameter("publishedAt", publishedAt)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Unpublishes the journey: all of it ({@code upToVersion} null, a tombstone) or up to an archived version. */
    public Uni<Integer> unpublish(Mutiny.Session session, String tenantId, String journeyId, Integer upToVersion) {
        return session.createNativeQuery("""
                        DELETE FROM journey_definition
                        WHERE tenant_id = :tenant AND journey_id = :journey AND version <= :upTo""")
                .setParameter("tenant", tenantId)
                .setParameter("journey", journeyId)
                .setParameter("upTo", upToVersion == null ? Integer.MAX_VALUE : upToVersion)
                .executeUpdate();
    }

    /** For each of the tenants that has one, the JSON of its most recently published definition. */
    public Uni<List<String>> latestPublished(Mutiny.Session session, Collection<String> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createNativeQuery("""
                        SELECT DISTINCT ON (tenant_id) CAST(definition AS text) FROM journey_definition
                        WHERE tenant_id IN (:tenants)
                        ORDER BY tenant_id, published_at DESC, version DESC""", String.class)
                .setParameter("tenants", List.copyOf(tenantIds))
                .getResultList();
    }
}
