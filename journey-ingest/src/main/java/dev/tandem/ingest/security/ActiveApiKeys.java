package dev.tandem.ingest.security;

import dev.tandem.ingest.repository.ApiKeyRepository;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The active API keys, by id, as the credential check needs them: cached, so a request does not go to PostgreSQL
 * each time, and for no longer than {@code quarkus.cache.caffeine."api-keys".expire-after-write}, which is how long
 * a key revoked on another instance may still work here. Unknown ids are cached too (bounded by the cache's size),
 * so a stream of made-up keys does not become a stream of queries.
 */
@ApplicationScoped
public class ActiveApiKeys {

    private final ApiKeyRepository keys;
    private final Cache cache;

    public ActiveApiKeys(ApiKeyRepository keys, @CacheName("api-keys") Cache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** What the credential check compares and grants. */
    public record ActiveKey(String keyId, String tenantId, String system, String secretSha256) {
        @Override
        public String toString() {
            return "ActiveKey[" + keyId + "]";
        }
    }

    public Uni<Optional<ActiveKey>> find(String keyId) {
        return cache.getAsync(keyId, id -> Panache.withSession(() -> keys.findActive(id))
                .map(key -> Optional.ofNullable(key)
                        .map(found -> new ActiveKey(found.keyId, found.tenantId, found.system, found.secretSha256))));
    }

    /** Revoked here: this instance stops accepting it now, not when the entry expires. */
    public Uni<Void> forget(String keyId) {
        return cache.invalidate(keyId);
    }
}
