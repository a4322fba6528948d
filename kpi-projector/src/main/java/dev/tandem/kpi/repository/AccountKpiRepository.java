package dev.tandem.kpi.repository;

import dev.tandem.support.mongo.MongoErrors;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.service.AccountKpis;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code account_kpis} collection (of one generation, {@link KpiStore}): one document per tenant and account. Writes are conditional on the version
 * that was read (optimistic concurrency), so two writers can never both apply an event on the same state; a batch's
 * accounts are read with one query and written with one bulk write.
 */
public class AccountKpiRepository {

    /** Lookups by id of one batch in flight at once. */
    private static final int LOOKUPS_IN_FLIGHT = 16;

    private final ReactiveMongoCollection<Document> kpis;
    private final Clock clock;

    /** The repository of one generation's collection ({@link KpiStore}). */
    AccountKpiRepository(ReactiveMongoCollection<Document> kpis) {
        this.kpis = kpis;
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return kpis.createIndex(Indexes.ascending(AccountKpisDocuments.TENANT_ID, AccountKpisDocuments.ACCOUNT_KEY),
                        new IndexOptions().name("tenant_account").unique(true))
                // the guarded replace's filter {_id, accountVersion}: MongoDB answers it from the _id index
                // anyway, the in-memory stand-in of tests and local runs only from an index of exactly its keys
                // (without it every write scanned the collection)
                .chain(() -> kpis.createIndex(Indexes.ascending(AccountKpisDocuments.ID,
                        AccountKpisDocuments.ACCOUNT_VERSION), new IndexOptions().name("id_version").unique(true)))
                .replaceWithVoid();
    }

    /** The account's stored KPIs, or a {@code null} item when the tenant has no such account. */
    public Uni<AccountKpis> find(String tenantId, String accountKey) {
        return kpis.find(and(eq(AccountKpisDocuments.ID, AccountKpisDocuments.idOf(tenantId, accountKey)),
                        eq(AccountKpisDocuments.TENANT_ID, tenantId)))
                .collect().first()
                .onItem().ifNotNull().transform(AccountKpisDocuments::fromDocument);
    }

    /** The stored KPIs of the accounts with these ids ({@code tenantId/accountKey}), by id (one query). */
    public Uni<Map<String, AccountKpis>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // one lookup by _id each, a few at a time: every MongoDB answers those from the _id index, while the
        // in-memory stand-in of tests and local runs answers an $in by scanning the collection
        return io.smallrye.mutiny.Multi.createFrom().iterable(List.copyOf(ids))
                .onItem().transformToUni(id -> kpis.find(new Document(AccountKpisDocuments.ID, id)).collect().first())
                .merge(LOOKUPS_IN_FLIGHT)
                .filter(java.util.Objects::nonNull)
                .map(AccountKpisDocuments::fromDocument)
                .collect().asMap(stored -> AccountKpisDocuments.idOf(stored.tenantId(), stored.accountKey()));
    }

    /**
     * Writes the accounts as they are, replacing whatever is stored (one unordered bulk write of upserts): for the
     * single writer of a generation being rebuilt, which needs no version guard.
     */
    public Uni<Void> replaceAll(Collection<AccountKpis> accounts) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant projectedAt = clock.instant();
        List<WriteModel<Document>> models = new ArrayList<>(accounts.size());
        for (AccountKpis account : accounts) {
            Document document = AccountKpisDocuments.toDocument(account, projectedAt);
            models.add(new ReplaceOneModel<>(eq(AccountKpisDocuments.ID, document.get(AccountKpisDocuments.ID)),
                    document, new ReplaceOptions().upsert(true)));
        }
        return kpis.bulkWrite(models, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** Every stored account, one at a time (a rebuild sums them into the totals once). */
    public io.smallrye.mutiny.Multi<AccountKpis> all() {
        return kpis.find().map(AccountKpisDocuments::fromDocument);
    }

    /**
     * Writes the accounts' next states with one unordered bulk write, each only if the account is still at the
     * version it was read at: a new account is inserted, a stored one replaced under a filter on its id and read
     * version, as an upsert, so that a document another writer moved on makes that write fail with a duplicate key
     * (11000) instead of matching nothing unnoticed. Those accounts are returned; the others were written. Any other
     * error fails the whole write, which may be retried: what was written is then simply not newer.
     *
     * @return the ids of the accounts another writer changed since they were read (not written)
     */
    public Uni<Set<String>> writeAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Instant projectedAt = clock.instant();
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (Write write : writes) {
            Document document = AccountKpisDocuments.toDocument(write.next(), projectedAt);
            if (write.readVersion() == 0) {
                models.add(new InsertOneModel<>(document));
            } else {
                // a flat filter with _id at its top: answered from the _id index (an $and is not, by the stand-in)
                Bson stillAtReadVersion = new Document(AccountKpisDocuments.ID, document.get(AccountKpisDocuments.ID))
                        .append(AccountKpisDocuments.ACCOUNT_VERSION, write.readVersion());
                models.add(new ReplaceOneModel<>(stillAtReadVersion, document, new ReplaceOptions().upsert(true)));
            }
        }
        return kpis.bulkWrite(models, new BulkWriteOptions().ordered(false))
                .map(result -> Set.<String>of())
                .onFailure(failure -> MongoErrors.duplicateKeysOnly(failure).isPresent())
                .recoverWithItem(failure -> {
                    Set<String> conflicts = new LinkedHashSet<>();
                    for (int index : MongoErrors.duplicateKeysOnly(failure).orElseThrow()) {
                        AccountKpis next = writes.get(index).next();
                        conflicts.add(AccountKpisDocuments.idOf(next.tenantId(), next.accountKey()));
                    }
                    return conflicts;
                });
    }

    /**
     * An account's next state and the version it was computed from.
     *
     * @param readVersion the stored {@code accountVersion} that was read; 0 when the account had no document
     */
    public record Write(AccountKpis next, long readVersion) {
    }
}
