package dev.tandem.designer.service;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
import dev.tandem.pii.UnreadablePiiException;
import dev.tandem.support.vault.ContactKeyVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Opens the sealed profiles of a batch with their contacts' data keys (one vault query for the batch's keys
 * that are not cached). A profile whose key the vault no longer holds belongs to an erased contact: it becomes an
 * erasure, so a replay of the topic never brings an erased name back.
 */
@ApplicationScoped
public class SealedContacts {

    private static final Logger LOG = Logger.getLogger(SealedContacts.class);

    private final ContactKeyVault vault;

    public SealedContacts(ContactKeyVault vault) {
        this.vault = vault;
    }

    public Uni<List<ContactChange>> open(List<ContactChange> changes) {
        List<String> keyIds = changes.stream()
                .filter(ContactChange.Upsert.class::isInstance)
                .map(change -> ContactSealing.keyIdOf(((ContactChange.Upsert) change).profile()))
                .filter(Objects::nonNull).distinct().toList();
        if (keyIds.isEmpty()) {
            return Uni.createFrom().item(changes);
        }
        return vault.keysById(keyIds).map(keys -> opened(changes, keys));
    }

    private static List<ContactChange> opened(List<ContactChange> changes, Map<String, ContactDataKey> keys) {
        List<ContactChange> opened = new ArrayList<>(changes.size());
        for (ContactChange change : changes) {
            if (!(change instanceof ContactChange.Upsert upsert)) {
                opened.add(change);
                continue;
            }
            ContactProfileV1 profile = upsert.profile();
            String keyId = ContactSealing.keyIdOf(profile);
            if (keyId == null) {
                opened.add(change); // written before sealing: plaintext as it is
            } else if (!keys.containsKey(keyId)) {
                opened.add(new ContactChange.Erase(profile.tenantId(), profile.contactKey(), upsert.offset()));
            } else {
                try {
                    opened.add(new ContactChange.Upsert(ContactSealing.open(profile, keys.get(keyId)), upsert.offset()));
                } catch (UnreadablePiiException e) {
                    // altered on the way: stored as nothing rather than as garbage; the key names no one
                    LOG.warnf("Profile of contact %s does not open under key %s (%s); not stored",
                            profile.contactKey(), keyId, e.getMessage());
                }
            }
        }
        return opened;
    }
}
