package dev.tandem.designer.service;

import dev.tandem.designer.repository.AccountJourneyRepository;
import dev.tandem.designer.repository.ContactRepository;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Applies the log's facts to the sellers' read model. Every write is idempotent, so redelivery is harmless. */
@ApplicationScoped
public class AccountJourneyProjection {

    private static final Logger LOG = Logger.getLogger(AccountJourneyProjection.class);

    private final AccountJourneyRepository journeys;
    private final ContactRepository contacts;

    public AccountJourneyProjection(AccountJourneyRepository journeys, ContactRepository contacts) {
        this.journeys = journeys;
        this.contacts = contacts;
    }

    /** Stores the snapshot if it is newer than the stored journey; an older or equal one changes nothing. */
    public Uni<Boolean> applySnapshot(AccountSnapshotV1 snapshot) {
        return journeys.upsertIfNewer(snapshot)
                .invoke(applied -> {
                    if (!applied) {
                        LOG.debugf("Snapshot %d of account %s/%s is not newer than the stored one; skipped",
                                snapshot.accountVersion(), snapshot.tenantId(), snapshot.accountKey());
                    }
                });
    }

    public Uni<Void> applyContact(ContactProfileV1 profile) {
        return contacts.upsert(profile);
    }

    /** Erasure: the contact's profile goes; accounts keep only its pseudonymous key, which names no one. */
    public Uni<Void> eraseContact(String tenantId, String contactKey) {
        return contacts.erase(tenantId, contactKey)
                .invoke(erased -> LOG.debugf("Contact erased in tenant %s (profile was %s)", tenantId,
                        erased ? "present" : "absent"))
                .replaceWithVoid();
    }
}
