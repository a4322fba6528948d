package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ContactDocuments;
import dev.tandem.designer.service.ContactChange;
import dev.tandem.events.ContactProfileV1;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The {@code contacts} collection: the latest profile per tenant and contact key, as the compacted contacts
 * topic holds it. Kafka keeps one key's records in order, so the last write is the truth and needs no guard.
 */
@ApplicationScoped
public class ContactRepository {

    private final ReactiveMongoCollection<Document> contacts;
    private final Clock clock;

    public ContactRepository(ReactiveMongoClient mongo, DesignerConfig config) {
        this.contacts = mongo.getDatabase(config.projection().database()).getCollection(ContactDocuments.COLLECTION);
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return contacts.createIndex(Indexes.ascending(ContactDocuments.TENANT_ID, ContactDocuments.CONTACT_KEY),
                        new IndexOptions().name("tenant_contact").unique(true))
                .replaceWithVoid();
    }

    /**
     * Applies at most one change per contact with one unordered bulk write: a profile is upserted over the stored
     * one, an erasure deletes the contact's profile (name, title). Every write is idempotent, so a failed bulk write
     * may be retried as it is.
     *
     * @return how many profiles were erased
     */
    public Uni<Long> applyAll(Collection<ContactChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        Instant projectedAt = clock.instant();
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        for (ContactChange change : changes) {
            if (change instanceof ContactChange.Erase erase) {
                writes.add(new DeleteOneModel<>(and(
                        eq(ContactDocuments.ID, ContactDocuments.idOf(erase.tenantId(), erase.contactKey())),
                        eq(ContactDocuments.TENANT_ID, erase.tenantId()))));
            } else {
                ContactProfileV1 profile = ((ContactChange.Upsert) change).profile();
                writes.add(new UpdateOneModel<>(
                        eq(ContactDocuments.ID, ContactDocuments.idOf(profile.tenantId(), profile.contactKey())),
                        new Document("$set", ContactDocuments.fieldsOf(profile, projectedAt)),
                        new UpdateOptions().upsert(true)));
            }
        }
        return contacts.bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .map(result -> (long) result.getDeletedCount());
    }

    /** The tenant's known contacts among the keys, by contact key; erased or never-seen ones are absent. */
    public Uni<Map<String, ContactCard>> findCards(String tenantId, Collection<String> contactKeys) {
        if (contactKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var ids = contactKeys.stream().map(key -> ContactDocuments.idOf(tenantId, key)).toList();
        // the ids are tenant/contactKey: only this tenant's documents can match, and by _id alone it is an id lookup
        return contacts.find(in(ContactDocuments.ID, ids))
                .map(ContactDocuments::fromDocument)
                .collect().asList()
                .map(cards -> cards.stream()
                        .collect(Collectors.toMap(ContactCard::contactKey, Function.identity(), (a, b) -> a)));
    }
}
