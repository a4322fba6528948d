package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ContactDocuments;
import dev.tandem.events.ContactProfileV1;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
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

    public Uni<Void> upsert(ContactProfileV1 profile) {
        return contacts.updateOne(
                        eq(ContactDocuments.ID, ContactDocuments.idOf(profile.tenantId(), profile.contactKey())),
                        new Document("$set", ContactDocuments.fieldsOf(profile, clock.instant())),
                        new UpdateOptions().upsert(true))
                .replaceWithVoid();
    }

    /** Erases the contact's profile (name, title); returns whether there was one. */
    public Uni<Boolean> erase(String tenantId, String contactKey) {
        return contacts.deleteOne(and(
                        eq(ContactDocuments.ID, ContactDocuments.idOf(tenantId, contactKey)),
                        eq(ContactDocuments.TENANT_ID, tenantId)))
                .map(result -> result.getDeletedCount() > 0);
    }

    /** The tenant's known contacts among the keys, by contact key; erased or never-seen ones are absent. */
    public Uni<Map<String, ContactCard>> findCards(String tenantId, Collection<String> contactKeys) {
        if (contactKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        var ids = contactKeys.stream().map(key -> ContactDocuments.idOf(tenantId, key)).toList();
        return contacts.find(and(eq(ContactDocuments.TENANT_ID, tenantId), in(ContactDocuments.ID, ids)))
                .map(ContactDocuments::fromDocument)
                .collect().asList()
                .map(cards -> cards.stream()
                        .collect(Collectors.toMap(ContactCard::contactKey, Function.identity(), (a, b) -> a)));
    }
}
