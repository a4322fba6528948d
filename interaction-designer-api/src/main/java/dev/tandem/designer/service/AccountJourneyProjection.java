package dev.tandem.designer.service;

import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.designer.repository.ReadModelStore.Generation;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventKeys;
import dev.tandem.support.vault.ContactKeyVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies the log's facts to the sellers' read model, a batch of records at a time. Every write is idempotent, so
 * redelivering a batch is harmless.
 */
@ApplicationScoped
public class AccountJourneyProjection {

    private static final Logger LOG = Logger.getLogger(AccountJourneyProjection.class);

    private final ReadModelStore store;
    private final SealedContacts sealedContacts;
    private final ContactKeyVault vault;

    public AccountJourneyProjection(ReadModelStore store, SealedContacts sealedContacts, ContactKeyVault vault) {
        this.store = store;
        this.sealedContacts = sealedContacts;
        this.vault = vault;
    }

    /** {@link #applySnapshots(List, Generation)} to the current generation. */
    public Uni<Integer> applySnapshots(List<AccountSnapshotV1> snapshots) {
        return store.current().chain(generation -> applySnapshots(snapshots, generation));
    }

    /** {@link #applyContactChanges(List, Generation)} to the current generation. */
    public Uni<Void> applyContactChanges(List<ContactChange> changes) {
        return store.current().chain(generation -> applyContactChanges(changes, generation));
    }

    /**
     * Stores each account's newest snapshot of the batch, unless the stored journey is at least as new (an older or
     * equal one changes nothing; of equal versions in one batch the first is kept, as if applied one by one).
     *
     * @return how many accounts were written
     */
    public Uni<Integer> applySnapshots(List<AccountSnapshotV1> snapshots, Generation generation) {
        List<AccountSnapshotV1> newest = newestPerAccount(snapshots);
        return generation.journeys().upsertAllIfNewer(newest)
                .invoke(applied -> LOG.debugf("Snapshot batch: %d snapshots, %d accounts, %d written (the others "
                        + "were not newer than the stored ones)", snapshots.size(), newest.size(), applied));
    }

    /**
     * Applies a batch of contact changes: per contact only the last change counts (Kafka keeps one key's records in
     * order, so it is the truth); a profile overwrites the stored one, an erasure leaves a tombstone (the contact's
     * profile goes; accounts keep only its pseudonymous key, which names no one).
     */
    public Uni<Void> applyContactChanges(List<ContactChange> changes, Generation generation) {
        return sealedContacts.open(changes).chain(opened -> {
            Map<String, ContactChange> last = new LinkedHashMap<>();
            for (ContactChange change : opened) {
                last.remove(change.key());
                last.put(change.key(), change);
            }
            return generation.contacts().applyAll(last.values())
                    .invoke(erased -> LOG.debugf("Contact batch: %d changes, %d contacts, %d profiles erased",
                            changes.size(), last.size(), erased))
                    .replaceWithVoid();
        });
    }

    /**
     * A person's erasure reached this service: their profile (email, name, title) is deleted and their data key
     * forgotten, so nothing of them can be shown or opened here again; in every generation, a rebuild's too.
     * Idempotent.
     */
    public Uni<Void> erase(String tenantId, String contactKey) {
        vault.forget(tenantId, contactKey);
        return store.all().chain(generations -> {
            Uni<Void> erased = Uni.createFrom().voidItem();
            for (Generation generation : generations) {
                erased = erased.chain(() -> generation.contacts().erase(tenantId, contactKey));
            }
            return erased;
        });
    }

    static List<AccountSnapshotV1> newestPerAccount(List<AccountSnapshotV1> snapshots) {
        Map<String, AccountSnapshotV1> newest = new LinkedHashMap<>();
        for (AccountSnapshotV1 snapshot : snapshots) {
            newest.merge(EventKeys.account(snapshot.tenantId(), snapshot.accountKey()), snapshot,
                    (kept, candidate) -> candidate.accountVersion() > kept.accountVersion() ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }
}
