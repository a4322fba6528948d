package dev.tandem.ingest.repository;

import dev.tandem.pii.ContactDataKey;
import dev.tandem.support.vault.ContactKeyVault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
 * under it is published, so a reader that cannot find a key id knows it was erased. Keys in use stay in the
 * vault's memory ({@link ContactKeyVault#cachedKeyOf}), checked against the vault every {@code tandem.vault.cache-ttl}.
 */
@ApplicationScoped
public class ContactKeyRepository {

    private final ContactKeyVault vault;

    public ContactKeyRepository(ContactKeyVault vault) {
        this.vault = vault;
    }

    /** The data key of each of the tenant's {@code contactKeys}, by contact key. */
    public Uni<Map<String, ContactDataKey>> keysFor(String tenantId, Collection<String> contactKeys) {
        Map<String, ContactDataKey> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String contactKey : contactKeys) {
            vault.cachedKeyOf(tenantId, contactKey).ifPresentOrElse(key -> found.put(contactKey, key), () -> {
                if (!missing.contains(contactKey)) {
                    missing.add(contactKey);
                }
            });
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        // one round trip: a fresh key is stored for each contact that has none (a unique constraint settles a race
        // with another instance), and the stored key of every contact asked for comes back
        String[] keyIds = new String[missing.size()];
        Buffer[] wrapped = new Buffer[missing.size()];
        for (int i = 0; i < missing.size(); i++) {
            ContactDataKey fresh = ContactDataKey.generate();
            keyIds[i] = fresh.keyId();
            wrapped[i] = Buffer.buffer(vault.wrapping().wrap(fresh));
        }
        return vault.pool().preparedQuery("""
                        WITH made AS (
                            INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key)
                            SELECT k, $1, c, w FROM UNNEST($2::text[], $3::text[], $4::bytea[]) AS fresh(k, c, w)
                            ON CONFLICT (tenant_id, contact_key) DO NOTHING
                            RETURNING key_id, contact_key, wrapped_key)
                        SELECT key_id, contact_key, wrapped_key FROM made
                        UNION ALL
                        SELECT key_id, contact_key, wrapped_key FROM contact_keys
                        WHERE tenant_id = $1 AND contact_key = ANY($3)""")
                .execute(Tuple.of(tenantId, keyIds, missing.toArray(String[]::new), wrapped))
                .chain(rows -> {
                    List<String> unread = new ArrayList<>(missing);
                    unread.removeAll(remember(tenantId, rows, found));
                    if (unread.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    // another instance made them after this statement's snapshot began: read them now
                    return vault.pool().preparedQuery("SELECT key_id, contact_key, wrapped_key FROM contact_keys "
                                    + "WHERE tenant_id = $1 AND contact_key = ANY($2)")
                            .execute(Tuple.of(tenantId, unread.toArray(String[]::new)))
                            .map(late -> {
                                if (remember(tenantId, late, found).size() < unread.size()) {
                                    // erased meanwhile: the request fails (503) and may be sent again
                                    throw new IllegalStateException("a contact's data key vanished while it was made");
                                }
                                return found;
                            });
                });
    }

    /** Unwraps and remembers the rows' keys into {@code found}; answers the contact keys they were for. */
    private List<String> remember(String tenantId, RowSet<Row> rows, Map<String, ContactDataKey> found) {
        List<String> contacts = new ArrayList<>();
        for (Row row : rows) {
            ContactDataKey key = vault.wrapping().unwrap(row.getString("key_id"),
                    row.getBuffer("wrapped_key").getBytes());
            vault.remember(tenantId, row.getString("contact_key"), key);
            found.put(row.getString("contact_key"), key);
            contacts.add(row.getString("contact_key"));
        }
        return contacts;
    }

    /** This instance seals nothing more under the contact's key: it was erased. */
    public void forget(String tenantId, String contactKey) {
        vault.forget(tenantId, contactKey);
    }
}
