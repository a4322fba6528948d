package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ContactDocuments;
import dev.tandem.designer.service.ContactChange;
import dev.tandem.support.mongo.GuardedDocuments;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code contacts} collection of one generation ({@link ReadModelStore}): the latest profile per tenant and
 * contact key, as the compacted contacts topic holds it. Each document keeps the offset of the record it came from
 * and is replaced only by a later record, because a rebuild catching up and the live consumer may write the same
 * contact at once. An erased contact stays as a tombstone (its key, no name, no title) so that an older record
 * applied later cannot bring the name back.
 */
public class ContactRepository {

    private final ReactiveMongoCollection<Document> contacts;
    private final Clock clock;

    ContactRepository(ReactiveMongoCollection<Document> contacts) {
        this.contacts = contacts;
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return contacts.createIndex(Indexes.ascending(ContactDocuments.TENANT_ID, ContactDocuments.CONTACT_KEY),
                        new IndexOptions().name("tenant_contact").unique(true))
                .chain(() -> GuardedDocuments.ensureGuardIndex(contacts, ContactDocuments.SOURCE_OFFSET,
                        "id_source_offset"));
    }

    /**
     * Applies at most one change per contact with one unordered bulk write, each only where the stored document
     * came from an older record: a profile replaces the stored one, an erasure leaves a tombstone. A contact
     * another writer changed meanwhile is read and judged again. Every write is idempotent, so a failed bulk write
     * may be retried as it is.
     *
     * @return how many erasures were written
     */
    public Uni<Long> applyAll(Collection<ContactChange> changes) {
        List<ContactChange> all = List.copyOf(changes);
        if (all.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        Uni<Map<String, Document>> offsets = GuardedDocuments.findByIds(contacts,
                all.stream().map(ContactChange::key).toList(), ContactDocuments.SOURCE_OFFSET);
        return offsets.chain(stored -> {
            Instant projectedAt = clock.instant();
            List<ContactChange> newer = new ArrayList<>();
            List<GuardedDocuments.Write> writes = new ArrayList<>();
            for (ContactChange change : all) {
                Document read = stored.get(change.key());
                Object storedOffset = read == null ? null : read.get(ContactDocuments.SOURCE_OFFSET);
                if (storedOffset instanceof Number offset && offset.longValue() >= change.offset()) {
                    continue;
                }
                newer.add(change);
                writes.add(new GuardedDocuments.Write(ContactDocuments.of(change, projectedAt), read));
            }
            return GuardedDocuments.replaceAll(contacts, ContactDocuments.SOURCE_OFFSET, writes).chain(conflicts -> {
                long erased = 0;
                List<ContactChange> again = new ArrayList<>(conflicts.size());
                for (int i = 0; i < newer.size(); i++) {
                    if (conflicts.contains(i)) {
                        again.add(newer.get(i));
                    } else if (newer.get(i) instanceof ContactChange.Erase) {
                        erased++;
                    }
                }
                long written = erased;
                return again.isEmpty() ? Uni.createFrom().item(written) : applyAll(again).map(more -> written + more);
            });
        });
    }

    /**
     * Erases a person's profile at an erasure request: name, title and dates go, the tombstone stays with the
     * offset it had, so the contacts topic's later records still apply. Idempotent; nothing to do if absent.
     */
    public Uni<Void> erase(String tenantId, String contactKey) {
        return contacts.updateOne(eq(ContactDocuments.ID, ContactDocuments.idOf(tenantId, contactKey)),
                Updates.combine(Updates.unset(ContactDocuments.NAME), Updates.unset(ContactDocuments.TITLE),
                        Updates.unset(ContactDocuments.UPDATED_AT), Updates.set(ContactDocuments.ERASED, true)))
                .replaceWithVoid();
    }

    /** The tenant's known contacts among the keys, by contact key; erased or never-seen ones are absent. */
    public Uni<Map<String, ContactCard>> findCards(String tenantId, Collection<String> contactKeys) {
        // the ids are tenant/contactKey: only this tenant's documents can match
        return GuardedDocuments.findByIds(contacts, contactKeys.stream()
                        .map(key -> ContactDocuments.idOf(tenantId, key)).distinct().toList())
                .map(found -> {
                    Map<String, ContactCard> cards = new java.util.HashMap<>();
                    found.values().stream().filter(document -> !ContactDocuments.isErased(document))
                            .map(ContactDocuments::fromDocument)
                            .forEach(card -> cards.put(card.contactKey(), card));
                    return cards;
                });
    }
}
