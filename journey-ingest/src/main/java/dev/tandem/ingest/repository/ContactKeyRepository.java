package dev.tandem.ingest.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.events.EventKeys;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.support.vault.ContactKeyVault;
import dev.tandem.support.vault.VaultConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data key of each contact, created on first sight: one per contact (a unique constraint decides a race
 * between instances), wrapped under the key-encryption key in the vault. A key is stored before anything sealed
 * under it is published, so a reader that cannot find a key id knows it was erased.
 */
@ApplicationScoped
public class ContactKeyRepository {

    private final ContactKeyVault vault;
    private final Cache<String, ContactDataKey> byContact;

    public ContactKeyRepository(ContactKeyVault vault, VaultConfig config) {
        this.vault = vault;
        // as long as readers keep keys: an erasure on another instance reaches this cache within the same bound
        this.byContact = Caffeine.newBuilder().maximumSize(config.cacheSize()).expireAfterWrite(config.cacheTtl())
                .build();
    }

    /** The data key of each of the tenant's {@code contactKeys}, by contact key. */
    public Uni<Map<String, ContactDataKey>> keysFor(String tenantId, Collection<String> contactKeys) {
        Map<String, ContactDataKey> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String contactKey : contactKeys) {
            ContactDataKey cached = byContact.getIfPresent(EventKeys.contact(tenantId, contactKey));
            if (cached != null) {
                found.put(contactKey, cached);
            } else if (!missing.contains(contactKey)) {
                missing.add(contactKey);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        String[] keyIds = new String[missing.size()];
        Buffer[] wrapped = new Buffer[missing.size()];
        for (int i = 0; i < missing.size(); i++) {
            ContactDataKey fresh = ContactDataKey.generate();
            keyIds[i] = fresh.keyId();
            wrapped[i] = Buffer.buffer(vault.wrapping().wrap(fresh));
        }
        String[] contacts = missing.toArray(String[]::new);
        return vault.pool().preparedQuery("""
                        INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key)
                        SELECT k, $1, c, w FROM UNNEST($2::text[], $3::text[], $4::bytea[]) AS fresh(k, c, w)
                        ON CONFLICT (tenant_id, contact_key) DO NOTHING""")
                .execute(Tuple.of(tenantId, keyIds, contacts, wrapped))
                // whoever inserted first, the stored key is the contact's key
                .chain(() -> vault.pool().preparedQuery("SELECT key_id, contact_key, wrapped_key FROM contact_keys "
                                + "WHERE tenant_id = $1 AND contact_key = ANY($2)")
                        .execute(Tuple.of(tenantId, contacts)))
                .map(rows -> {
                    for (Row row : rows) {
                        ContactDataKey key = vault.wrapping().unwrap(row.getString("key_id"),
                                row.getBuffer("wrapped_key").getBytes());
                        byContact.put(EventKeys.contact(tenantId, row.getString("contact_key")), key);
                        found.put(row.getString("contact_key"), key);
                    }
                    if (found.size() < contactKeys.stream().distinct().count()) {
                        // erased between our insert and our read: the request is retried by the caller
                        throw new IllegalStateException("a contact's data key vanished while it was being created");
                    }
                    return found;
                });
    }

    /** This instance seals nothing more under the contact's key: it was erased. */
    public void forget(String tenantId, String contactKey) {
        byContact.invalidate(EventKeys.contact(tenantId, contactKey));
    }
}
