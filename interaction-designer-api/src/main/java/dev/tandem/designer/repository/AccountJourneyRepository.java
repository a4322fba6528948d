package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.tandem.designer.mapping.AccountJourneyDocuments;
import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.service.AccountListQuery;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.support.mongo.GuardedDocuments;
import dev.tandem.support.mongo.WrittenDocuments;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code account_journeys} collection of one generation ({@link ReadModelStore}): one document per tenant and
 * account, written only by snapshots.
 */
public class AccountJourneyRepository {

    private final ReactiveMongoCollection<Document> journeys;
    /** The versions this instance wrote lately: a batch looks up only the other accounts' (stored versions only rise). */
    private final WrittenDocuments writtenVersions;
    private final Clock clock;

    AccountJourneyRepository(ReactiveMongoCollection<Document> journeys, int cachedVersions) {
        this.journeys = journeys;
        this.writtenVersions = new WrittenDocuments(cachedVersions, AccountJourneyDocuments.ACCOUNT_VERSION);
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
                // the sellers' list by recent activity (sort=-lastTouchpointAt), the account key breaking ties
                .chain(() -> journeys.createIndex(Indexes.compoundIndex(
                        Indexes.ascending(AccountJourneyDocuments.TENANT_ID),
                        Indexes.descending(AccountJourneyDocuments.LAST_TOUCHPOINT_AT),
                        Indexes.ascending(AccountJourneyDocuments.ACCOUNT_KEY)),
                        new IndexOptions().name("tenant_last_touchpoint")))
                .chain(() -> GuardedDocuments.ensureGuardIndex(journeys, AccountJourneyDocuments.ACCOUNT_VERSION,
                        "id_version"));
    }

    /**
     * Stores each snapshot unless the stored document is at least as new (at most one snapshot per account): the
     * stored versions are read by id, and each newer snapshot replaces the document only if it is still at the
     * version read ({@link GuardedDocuments}). An account another writer moved on meanwhile is read and judged
     * again, so replays and duplicates change nothing and a newer snapshot is never overwritten by an older one.
     * Any other error fails the whole write, which may then be retried as it is.
     *
     * @return how many snapshots were applied
     */
    public Uni<Integer> upsertAllIfNewer(Collection<AccountSnapshotV1> snapshots) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, AccountSnapshotV1> byId = new LinkedHashMap<>();
        snapshots.forEach(snapshot -> byId.put(AccountJourneyDocuments.idOf(snapshot.tenantId(),
                snapshot.accountKey()), snapshot));
        // the guard needs the stored version only, not the whole account decoded
        Uni<Map<String, Document>> versions = GuardedDocuments.findByIds(journeys, byId.keySet(), writtenVersions,
                AccountJourneyDocuments.ACCOUNT_VERSION);
        return versions.chain(stored -> {
            Instant projectedAt = clock.instant();
            List<AccountSnapshotV1> newer = new ArrayList<>();
            List<GuardedDocuments.Write> writes = new ArrayList<>();
            byId.forEach((id, snapshot) -> {
                Document read = stored.get(id);
                Number storedVersion = read == null ? null : (Number) read.get(AccountJourneyDocuments.ACCOUNT_VERSION);
                if (storedVersion == null || storedVersion.longValue() < snapshot.accountVersion()) {
                    // the whole document is the snapshot's: a replacement, not a $set of every field
                    Document next = new Document(AccountJourneyDocuments.ID, id);
                    next.putAll(AccountJourneyDocuments.fieldsOf(snapshot, projectedAt));
                    newer.add(snapshot);
                    writes.add(new GuardedDocuments.Write(next, read));
                }
            });
            return GuardedDocuments.replaceAll(journeys, AccountJourneyDocuments.ACCOUNT_VERSION, writes,
                            writtenVersions)
                    .chain(conflicts -> {
                        if (conflicts.isEmpty()) {
                            return Uni.createFrom().item(newer.size());
                        }
                        List<AccountSnapshotV1> again = conflicts.stream().map(newer::get).toList();
                        return upsertAllIfNewer(again).map(applied -> newer.size() - again.size() + applied);
                    });
        });
    }

    /**
     * The tenant's accounts that match the query, in its order (the account key breaks ties), after its cursor; at
     * most {@code limit} of them, and one more if there is a next page (the caller cuts it and makes the cursor).
     */
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
        if (query.minMomentum() != null) {
            filters.add(gte(AccountJourneyDocuments.MOMENTUM, query.minMomentum()));
        }
        if (query.maxMomentum() != null) {
            filters.add(lte(AccountJourneyDocuments.MOMENTUM, query.maxMomentum()));
        }
        if (query.missingRole() != null) {
            filters.add(nin(AccountJourneyDocuments.ENGAGED_ROLES, List.of(query.missingRole().wireName())));
        }
        AccountListQuery.Sort sort = query.sort();
        if (query.after() != null) {
            filters.add(after(sort, query.after()));
        }
        Bson order = sort == AccountListQuery.Sort.ACCOUNT_KEY ? Sorts.ascending(AccountJourneyDocuments.ACCOUNT_KEY)
                : Sorts.orderBy(sort.descending() ? Sorts.descending(sort.field()) : Sorts.ascending(sort.field()),
                        Sorts.ascending(AccountJourneyDocuments.ACCOUNT_KEY));
        FindOptions options = new FindOptions()
                .filter(and(filters))
                .projection(Projections.include(AccountJourneyDocuments.listingFields()))
                .sort(order)
                .limit(query.limit() + 1);
        return journeys.find(options)
                .map(AccountJourneyDocuments::listingOf)
                .collect().asList();
    }

    /** What comes after the cursor's account in the sort's order. */
    private static Bson after(AccountListQuery.Sort sort, AccountListQuery.Cursor cursor) {
        Bson laterKey = gt(AccountJourneyDocuments.ACCOUNT_KEY, cursor.accountKey());
        if (sort == AccountListQuery.Sort.ACCOUNT_KEY) {
            return laterKey;
        }
        Object value = sort.field().equals(AccountJourneyDocuments.MOMENTUM) ? (Object) cursor.value().intValue()
                : new java.util.Date(cursor.value());
        Bson beyond = sort.descending() ? lt(sort.field(), value) : gt(sort.field(), value);
        return or(beyond, and(eq(sort.field(), value), laterKey));
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
