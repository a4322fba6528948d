package dev.tandem.designer.repository;

import dev.tandem.support.mongo.MongoErrors;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.AccountJourneyDocuments;
import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.service.AccountListQuery;
import dev.tandem.events.AccountSnapshotV1;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

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
                // the sellers' list: by stage, by stalled or by neither, each already in momentum order
                .chain(() -> journeys.createIndex(Indexes.compoundIndex(
                        Indexes.ascending(AccountJourneyDocuments.TENANT_ID, AccountJourneyDocuments.STAGE_KEY),
                        Indexes.descending(AccountJourneyDocuments.MOMENTUM)),
                        new IndexOptions().name("tenant_stage_momentum")))
                .chain(() -> journeys.createIndex(Indexes.compoundIndex(
                        Indexes.ascending(AccountJourneyDocuments.TENANT_ID, AccountJourneyDocuments.STALLED),
                        Indexes.descending(AccountJourneyDocuments.MOMENTUM)),
                        new IndexOptions().name("tenant_stalled_momentum")))
                .chain(() -> journeys.createIndex(Indexes.compoundIndex(
                        Indexes.ascending(AccountJourneyDocuments.TENANT_ID),
                        Indexes.descending(AccountJourneyDocuments.MOMENTUM)),
                        new IndexOptions().name("tenant_momentum")))
                .replaceWithVoid();
    }

    /**
     * Stores each snapshot unless the stored document is at least as new, with one unordered bulk write of
     * version-guarded replacing upserts (at most one snapshot per account). A filter only matches an older document; if a
     * newer or equal one exists the upsert tries to insert a second document with the same id and fails with a
     * duplicate key (11000), which means "already newer": replays and duplicates change nothing. Any other error
     * fails the whole write, which may then be retried as it is.
     *
     * @return how many snapshots were applied
     */
    public Uni<Integer> upsertAllIfNewer(Collection<AccountSnapshotV1> snapshots) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant projectedAt = clock.instant();
        List<WriteModel<Document>> upserts = new ArrayList<>(snapshots.size());
        for (AccountSnapshotV1 snapshot : snapshots) {
            String id = AccountJourneyDocuments.idOf(snapshot.tenantId(), snapshot.accountKey());
            // the whole document is the snapshot's: a replacement, not a $set of every field (cheaper to apply)
            Document document = new Document(AccountJourneyDocuments.ID, id);
            document.putAll(AccountJourneyDocuments.fieldsOf(snapshot, projectedAt));
            upserts.add(new ReplaceOneModel<>(
                    and(eq(AccountJourneyDocuments.ID, id),
                            lt(AccountJourneyDocuments.ACCOUNT_VERSION, snapshot.accountVersion())),
                    document, new ReplaceOptions().upsert(true)));
        }
        return journeys.bulkWrite(upserts, new BulkWriteOptions().ordered(false))
                .map(result -> result.getMatchedCount() + result.getUpserts().size())
                .onFailure(failure -> MongoErrors.duplicateKeysOnly(failure).isPresent())
                .recoverWithItem(failure -> {
                    MongoBulkWriteException bulk = (MongoBulkWriteException) failure;
                    return bulk.getWriteResult().getMatchedCount() + bulk.getWriteResult().getUpserts().size();
                });
    }

    /** The tenant's accounts that match the query, highest momentum first (account key breaks ties). */
    public Uni<List<AccountListing>> list(String tenantId, AccountListQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(AccountJourneyDocuments.TENANT_ID, tenantId));
        if (query.stageKey() != null) {
            filters.add(eq(AccountJourneyDocuments.STAGE_KEY, query.stageKey()));
        }
        if (query.stalled() != null) {
            // documents written before journeys have no stalled flag: they count as not stalled
            filters.add(query.stalled() ? eq(AccountJourneyDocuments.STALLED, true)
                    : ne(AccountJourneyDocuments.STALLED, true));
        }
        FindOptions options = new FindOptions()
                .filter(and(filters))
                .projection(Projections.include(AccountJourneyDocuments.listingFields()))
                .sort(Sorts.orderBy(Sorts.descending(AccountJourneyDocuments.MOMENTUM),
                        Sorts.ascending(AccountJourneyDocuments.ACCOUNT_KEY)))
                .limit(query.limit());
        return journeys.find(options)
                .map(AccountJourneyDocuments::listingOf)
                .collect().asList();
    }

    /** The tenant's account journey, or a {@code null} item when the tenant has no such account. */
    public Uni<ProjectedJourney> find(String tenantId, String accountKey) {
        // by _id alone (it is tenant/account): an id lookup on any MongoDB, and on the local wire server too,
        // which scans for any other filter; the tenant is checked again on what comes back
        return journeys.find(eq(AccountJourneyDocuments.ID, AccountJourneyDocuments.idOf(tenantId, accountKey)))
                .collect().first()
                .onItem().ifNotNull().transform(AccountJourneyDocuments::fromDocument)
                .onItem().ifNotNull().transform(found -> tenantId.equals(found.tenantId()) ? found : null);
    }
}
