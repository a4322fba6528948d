package dev.tandem.kpi.repository;

import dev.tandem.support.mongo.GuardedDocuments;
import dev.tandem.support.mongo.WrittenDocuments;
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
 * accounts are read by id (those this instance wrote lately from memory) and written with one bulk write.
 */
public class AccountKpiRepository {

    private final ReactiveMongoCollection<Document> kpis;
    private final WrittenDocuments written;
    private final Clock clock;

    /**
     * The repository of one generation's collection ({@link KpiStore}), keeping the last {@code cachedAccounts}
     * documents it wrote so that a batch reads only the other accounts.
     */
    AccountKpiRepository(ReactiveMongoCollection<Document> kpis, int cachedAccounts) {
        this.kpis = kpis;
        this.written = new WrittenDocuments(cachedAccounts);
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return kpis.createIndex(Indexes.ascending(AccountKpisDocuments.TENANT_ID, AccountKpisDocuments.ACCOUNT_KEY),
                        new IndexOptions().name("tenant_account").unique(true))
                // the guarded replace's filter {_id, accountVersion}: MongoDB answers it from the _id index
                // anyway, the in-memory stand-in of tests and local runs only from an index of exactly its keys
                // (without it every write scanned the collection)
                .chain(() -> GuardedDocuments.ensureGuardIndex(kpis, AccountKpisDocuments.ACCOUNT_VERSION,
                        "id_version"))
                .replaceWithVoid();
    }

    /** The account's stored KPIs, or a {@code null} item when the tenant has no such account. */
    public Uni<AccountKpis> find(String tenantId, String accountKey) {
        return kpis.find(and(eq(AccountKpisDocuments.ID, AccountKpisDocuments.idOf(tenantId, accountKey)),
                        eq(AccountKpisDocuments.TENANT_ID, tenantId)))
                .collect().first()
                .onItem().ifNotNull().transform(AccountKpisDocuments::fromDocument);
    }

    /**
     * The stored KPIs of the accounts with these ids ({@code tenantId/accountKey}), by id: those this instance wrote
     * lately as it wrote them, the others from MongoDB. Each is a state of its own (the caller may change its facts).
     */
    public Uni<Map<String, AccountKpis>> findAll(Collection<String> ids) {
        return GuardedDocuments.findByIds(kpis, ids, written).map(found -> {
            Map<String, AccountKpis> byId = new java.util.HashMap<>(found.size() * 2);
            found.forEach((id, document) -> byId.put(id, AccountKpisDocuments.fromDocument(document)));
            return byId;
        });
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
     * Writes the accounts' next states, each only if the account is still at the version it was read at
     * ({@link GuardedDocuments#replaceAll}, guard {@code accountVersion}).
     *
     * @return the ids of the accounts another writer changed since they were read (not written)
     */
    public Uni<Set<String>> writeAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Instant projectedAt = clock.instant();
        List<GuardedDocuments.Write> guarded = new ArrayList<>(writes.size());
        for (Write write : writes) {
            Document next = AccountKpisDocuments.toDocument(write.next(), projectedAt);
            guarded.add(new GuardedDocuments.Write(next, write.readVersion() == 0 ? null
                    : new Document(AccountKpisDocuments.ACCOUNT_VERSION, write.readVersion())));
        }
        return GuardedDocuments.replaceAll(kpis, AccountKpisDocuments.ACCOUNT_VERSION, guarded, written)
                .map(conflicts -> {
                    Set<String> ids = new LinkedHashSet<>();
                    for (int index : conflicts) {
                        AccountKpis next = writes.get(index).next();
                        ids.add(AccountKpisDocuments.idOf(next.tenantId(), next.accountKey()));
                    }
                    return ids;
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
