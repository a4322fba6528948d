package dev.tandem.designer.repository;

import dev.tandem.support.mongo.MongoErrors;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.AccountJourneyDocuments;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.events.AccountSnapshotV1;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.bson.Document;

/** The {@code account_journeys} collection: one document per tenant and account, written only by snapshots. */
@ApplicationScoped
public class AccountJourneyRepository {

    private final ReactiveMongoCollection<Document> journeys;
    private final Clock clock;

    public AccountJourneyRepository(ReactiveMongoClient mongo, DesignerConfig config) {
        this.journeys = mongo.getDatabase(config.projection().database())
                .getCollection(AccountJourneyDocuments.COLLECTION);
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return journeys.createIndex(
                        Indexes.ascending(AccountJourneyDocuments.TENANT_ID, AccountJourneyDocuments.ACCOUNT_KEY),
                        new IndexOptions().name("tenant_account").unique(true))
                // which accounts a contact sits on, per tenant (erasure audits, contact pages)
                .chain(() -> journeys.createIndex(Indexes.ascending(AccountJourneyDocuments.TENANT_ID,
                        AccountJourneyDocuments.COMMITTEE_CONTACT_KEY), new IndexOptions().name("tenant_contact")))
                .replaceWithVoid();
    }

    /**
     * Stores the snapshot unless the stored document is at least as new. The filter only matches an older
     * document; if a newer or equal one exists the upsert tries to insert a second document with the same id and
     * fails with a duplicate key, which means "already newer": replays and duplicates change nothing.
     *
     * @return whether the snapshot was applied
     */
    public Uni<Boolean> upsertIfNewer(AccountSnapshotV1 snapshot) {
        String id = AccountJourneyDocuments.idOf(snapshot.tenantId(), snapshot.accountKey());
        Document fields = AccountJourneyDocuments.fieldsOf(snapshot, clock.instant());
        return journeys.updateOne(
                        and(eq(AccountJourneyDocuments.ID, id),
                                lt(AccountJourneyDocuments.ACCOUNT_VERSION, snapshot.accountVersion())),
                        new Document("$set", fields),
                        new UpdateOptions().upsert(true))
                .map(result -> result.getMatchedCount() > 0 || result.getUpsertedId() != null)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    /** The tenant's account journey, or a {@code null} item when the tenant has no such account. */
    public Uni<ProjectedJourney> find(String tenantId, String accountKey) {
        return journeys.find(and(
                        eq(AccountJourneyDocuments.ID, AccountJourneyDocuments.idOf(tenantId, accountKey)),
                        eq(AccountJourneyDocuments.TENANT_ID, tenantId)))
                .collect().first()
                .onItem().ifNotNull().transform(AccountJourneyDocuments::fromDocument);
    }
}
