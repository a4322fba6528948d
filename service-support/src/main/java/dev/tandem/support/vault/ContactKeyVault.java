package dev.tandem.support.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.KeyWrapping;
import dev.tandem.pii.PiiField;
import dev.tandem.pii.SealedPii;
import dev.tandem.pii.UnreadablePiiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads contact data keys from the vault to open sealed personal values. Keys found are kept in memory while they
 * are used (an hour idle at most), and every {@link VaultConfig#cacheTtl()} one query checks that the vault still
 * holds them: a key erased meanwhile is dropped then, so after an erasure no instance opens or seals with it for
 * longer than that, while a contact in use costs no read at all. A key id the vault does not hold was erased (ids
 * are never reused and a key is stored before anything sealed under it is published), so that answer is kept too.
 */
public class ContactKeyVault implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContactKeyVault.class);
    private static final Duration BLOCKING_LOOKUP_TIMEOUT = Duration.ofSeconds(30);
    /** Keys made recently read along with a miss, at most. */
    private static final int PREFETCH = 2000;
    /** A key unused this long leaves memory (it is read again when needed). */
    private static final Duration IDLE = Duration.ofHours(1);
    /** Key ids checked against the vault per query. */
    private static final int CHECK_CHUNK = 5000;

    /** A key and whose it is, so that an erasure can drop it from the cache. */
    private record CachedKey(String tenantId, String contactKey, ContactDataKey key) {
    }

    private final Pool pool;
    private final KeyWrapping wrapping;
    private final Cache<String, CachedKey> keys;
    private final Cache<String, String> keyIdByContact;
    private final Cache<String, Boolean> erased;
    private final AtomicReference<OffsetDateTime> newestSeen = new AtomicReference<>();

    private final Vertx vertx;
    private final long checkTimer;

    ContactKeyVault(Pool pool, KeyWrapping wrapping, int cacheSize, Duration cacheTtl, Vertx vertx) {
        this.pool = pool;
        this.wrapping = wrapping;
        this.keys = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(IDLE).build();
        this.keyIdByContact = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(IDLE).build();
        this.erased = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.vertx = vertx;
        this.checkTimer = vertx.setPeriodic(cacheTtl.toMillis(), id -> dropErasedKeys().subscribe().with(
                dropped -> {
                    if (dropped > 0) {
                        LOG.infof("Dropped %d cached contact key(s) the vault no longer holds (erased)", dropped);
                    }
                },
                failure -> LOG.warnf("Could not check cached contact keys against the vault (%s); next try in %s",
                        failure.toString(), cacheTtl)));
    }

    /**
     * Connects to the vault {@code config} names (and applies its migrations if so configured: a blocking call, so
     * at start-up only).
     *
     * @throws IllegalStateException naming the setting that is missing or wrong
     */
    public static ContactKeyVault open(VaultConfig config, Vertx vertx) {
        String url = required(config.url(), "url");
        String username = required(config.username(), "username");
        String password = config.password().orElse("");
        KeyWrapping wrapping;
        try {
            wrapping = new KeyWrapping(required(config.keyEncryptionKey(), "key-encryption-key"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tandem.vault.key-encryption-key: " + e.getMessage(), e);
        }
        if (config.migrateAtStart()) {
            var result = VaultSchema.migrate(url, username, password);
            LOG.infof("Contact key vault schema up to date (%d migration(s) applied now)", result.migrationsExecuted);
        }
        PgConnectOptions connect = PgConnectOptions.fromUri(url).setUser(username).setPassword(password);
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(config.maxPoolSize()))
                .connectingTo(connect).using(vertx).build();
        return new ContactKeyVault(pool, wrapping, config.cacheSize(), config.cacheTtl(), vertx);
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "tandem.vault." + name + " is not set: this service seals or opens personal data and needs the "
                        + "contact key vault (see docs/security.md)"));
    }

    /** The vault's connection pool, for the service that writes keys and erasures (journey-ingest). */
    public Pool pool() {
        return pool;
    }

    public KeyWrapping wrapping() {
        return wrapping;
    }

    /** The keys among {@code keyIds} the vault holds, by id; an erased key is absent. */
    public Uni<Map<String, ContactDataKey>> keysById(Collection<String> keyIds) {
        Map<String, ContactDataKey> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String keyId : new LinkedHashSet<>(keyIds)) {
            CachedKey cached = keys.getIfPresent(keyId);
            if (cached != null) {
                found.put(keyId, cached.key());
            } else if (erased.getIfPresent(keyId) == null) {
                missing.add(keyId);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        // with the keys asked for come the keys made since the last such read (at most the last two minutes'):
        // a reader trails the writer by seconds, so the contacts it meets next are mostly among them, and a burst of
        // new contacts (an import, a campaign) costs a few reads instead of one per contact
        return pool.preparedQuery("""
                        SELECT key_id, tenant_id, contact_key, wrapped_key, created_at FROM contact_keys
                        WHERE key_id = ANY($1) OR created_at > GREATEST($2, now() - interval '2 minutes')
                        ORDER BY key_id = ANY($1) DESC, created_at DESC LIMIT $3""")
                .execute(Tuple.of(missing.toArray(String[]::new), newestSeen.get(), missing.size() + PREFETCH))
                .map(rows -> {
                    Map<String, ContactDataKey> fetched = new HashMap<>();
                    for (Row row : rows) {
                        String keyId = row.getString("key_id");
                        CachedKey cached = keys.getIfPresent(keyId);
                        if (cached == null) {
                            cached = new CachedKey(row.getString("tenant_id"), row.getString("contact_key"),
                                    wrapping.unwrap(keyId, row.getBuffer("wrapped_key").getBytes()));
                            keys.put(keyId, cached);
                        }
                        fetched.put(keyId, cached.key());
                        OffsetDateTime created = row.getOffsetDateTime("created_at");
                        newestSeen.accumulateAndGet(created, (a, b) -> a == null || b.isAfter(a) ? b : a);
                    }
                    for (String keyId : missing) {
                        if (fetched.containsKey(keyId)) {
                            found.put(keyId, fetched.get(keyId));
                        } else {
                            // asked-for ids come first, so no prefetch crowds one out: the vault has no such key
                            erased.put(keyId, Boolean.TRUE);
                        }
                    }
                    return found;
                });
    }

    /**
     * The plaintext of a stored value: a sealed one opened with its key, a plaintext one (written before sealing)
     * as it is, and null when its key was erased. Blocks: for worker threads (Kafka Streams), never an event loop.
     */
    public String openBlocking(String stored, PiiField field) {
        Optional<String> keyId = SealedPii.keyIdOf(stored);
        if (keyId.isEmpty()) {
            return stored;
        }
        ContactDataKey key = keysById(List.of(keyId.get())).await().atMost(BLOCKING_LOOKUP_TIMEOUT)
                .get(keyId.get());
        if (key == null) {
            return null;
        }
        try {
            return SealedPii.open(key, field, stored);
        } catch (UnreadablePiiException e) {
            LOG.warnf("A sealed %s under key %s does not open: %s", field.wireName(), keyId.get(), e.getMessage());
            return null;
        }
    }

    /** The contact's key this instance holds in memory, if any (journey-ingest seals with it). */
    public Optional<ContactDataKey> cachedKeyOf(String tenantId, String contactKey) {
        String keyId = keyIdByContact.getIfPresent(contactIndex(tenantId, contactKey));
        CachedKey cached = keyId == null ? null : keys.getIfPresent(keyId);
        return cached == null ? Optional.empty() : Optional.of(cached.key());
    }

    /** Keeps the contact's key in memory, checked against the vault like every other. */
    public void remember(String tenantId, String contactKey, ContactDataKey key) {
        keys.put(key.keyId(), new CachedKey(tenantId, contactKey, key));
        keyIdByContact.put(contactIndex(tenantId, contactKey), key.keyId());
    }

    /**
     * Checks every key in memory against the vault and drops (as erased) those it no longer holds.
     *
     * @return how many were dropped
     */
    public Uni<Integer> dropErasedKeys() {
        List<String> held = List.copyOf(keys.asMap().keySet());
        if (held.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Integer>> checks = new ArrayList<>();
        for (int from = 0; from < held.size(); from += CHECK_CHUNK) {
            List<String> chunk = held.subList(from, Math.min(held.size(), from + CHECK_CHUNK));
            checks.add(pool.preparedQuery("SELECT key_id FROM contact_keys WHERE key_id = ANY($1)")
                    .execute(Tuple.of(chunk.toArray(String[]::new)))
                    .map(rows -> {
                        Set<String> present = new java.util.HashSet<>();
                        rows.forEach(row -> present.add(row.getString(0)));
                        int dropped = 0;
                        for (String keyId : chunk) {
                            if (!present.contains(keyId)) {
                                CachedKey gone = keys.getIfPresent(keyId);
                                keys.invalidate(keyId);
                                erased.put(keyId, Boolean.TRUE);
                                if (gone != null) {
                                    keyIdByContact.invalidate(contactIndex(gone.tenantId(), gone.contactKey()));
                                }
                                dropped++;
                            }
                        }
                        return dropped;
                    }));
        }
        return Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(check -> check)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private static String contactIndex(String tenantId, String contactKey) {
        return tenantId + "/" + contactKey;
    }

    /** Drops the contact's cached keys and remembers them as erased: its erasure reached this service. */
    public void forget(String tenantId, String contactKey) {
        keyIdByContact.invalidate(contactIndex(tenantId, contactKey));
        keys.asMap().values().removeIf(cached -> {
            boolean theirs = cached.tenantId().equals(tenantId) && cached.contactKey().equals(contactKey);
            if (theirs) {
                erased.put(cached.key().keyId(), Boolean.TRUE);
            }
            return theirs;
        });
    }

    @Override
    public void close() {
        vertx.cancelTimer(checkTimer);
        pool.closeAndAwait();
    }
}
