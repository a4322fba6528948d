package dev.tandem.ingest.service;

import dev.tandem.events.FieldError;
import dev.tandem.events.SourceSystems;
import dev.tandem.ingest.repository.ApiKeyEntity;
import dev.tandem.ingest.repository.ApiKeyRepository;
import dev.tandem.ingest.security.ActiveApiKeys;
import dev.tandem.support.rest.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * API keys of a tenant's sending systems: issued, listed and revoked by the tenant's admins. A system has at most
 * {@value #ACTIVE_PER_SYSTEM} active keys, so a key is rotated by issuing the next, switching the system to it and
 * revoking the old one. A revoked key stops working on this instance at once and on every instance within the
 * credential cache's lifetime ({@code quarkus.cache.caffeine."api-keys".expire-after-write}).
 */
@ApplicationScoped
public class ApiKeyService {

    public static final int ACTIVE_PER_SYSTEM = 2;
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final int MAX_LABEL = 200;

    private final ApiKeyRepository keys;
    private final ActiveApiKeys activeKeys;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, ActiveApiKeys activeKeys) {
        this.keys = keys;
        this.activeKeys = activeKeys;
        this.clock = Clock.systemUTC();
    }

    public Uni<ApiKeyView> issue(String tenantId, String system, String label, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (!SourceSystems.isValid(system)) {
            errors.add(new FieldError("/system", "is 1 to 40 lowercase letters, digits or dashes"));
        }
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            errors.add(new FieldError("/label", "is 1 to " + MAX_LABEL + " characters"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException("The API key cannot be issued", errors));
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        return Panache.withTransaction(() -> keys.activeOf(tenantId, system).flatMap(active -> {
                    Set<Short> taken = active.stream().map(key -> key.slot).collect(Collectors.toSet());
                    if (taken.size() >= ACTIVE_PER_SYSTEM) {
                        return Uni.createFrom().failure(tooMany(system));
                    }
                    ApiKeyEntity key = new ApiKeyEntity();
                    key.keyId = secret.id();
                    key.tenantId = tenantId;
                    key.system = system;
                    key.label = label.strip();
                    key.secretSha256 = secret.secretHash();
                    key.slot = taken.contains((short) 1) ? (short) 2 : (short) 1;
                    key.createdAt = now();
                    key.createdBy = actor;
                    return keys.persistAndFlush(key);
                }))
                // two admins issuing at once: the unique index on active slots refuses the second
                .onFailure(ConstraintViolationException.class).transform(e -> tooMany(system))
                .invoke(key -> LOG.infof("API key %s issued for tenant %s, system %s", key.keyId, tenantId, system))
                .map(key -> view(key, secret.value()));
    }

    public Uni<List<ApiKeyView>> list(String tenantId) {
        return Panache.withSession(() -> keys.listOf(tenantId))
                .map(found -> found.stream().map(key -> view(key, null)).toList());
    }

    /** Revokes the key; revoking a revoked key changes nothing. Another tenant's key is not found. */
    public Uni<ApiKeyView> revoke(String tenantId, String keyId, String actor) {
        return Panache.withTransaction(() -> keys.findOf(tenantId, keyId).flatMap(key -> {
                    if (key == null) {
                        return Uni.createFrom().failure(new NotFoundException("No API key " + keyId));
                    }
                    if (key.active()) {
                        key.revokedAt = now();
                        key.revokedBy = actor;
                        LOG.infof("API key %s of tenant %s, system %s revoked", key.keyId, tenantId, key.system);
                    }
                    return Uni.createFrom().item(key);
                }))
                .call(key -> activeKeys.forget(key.keyId))
                .map(key -> view(key, null));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is answered must equal what is read back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ClientErrorException tooMany(String system) {
        return new ClientErrorException("System " + system + " has " + ACTIVE_PER_SYSTEM + " active API keys "
                + "already; revoke one before issuing another", Response.Status.CONFLICT);
    }

    private static ApiKeyView view(ApiKeyEntity key, String secret) {
        return new ApiKeyView(key.keyId, key.system, key.label, key.createdAt, key.createdBy, key.revokedAt,
                key.revokedBy, secret);
    }
}
