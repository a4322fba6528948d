package dev.tandem.kpi.repository;

import dev.tandem.support.mongo.MongoErrors;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.mapping.KpiSummaryAggregation;
import dev.tandem.kpi.mapping.StageKpisDocuments;
import dev.tandem.kpi.mapping.StageSummaryAggregation;
import dev.tandem.kpi.service.StageSummary;
import java.util.List;
import org.bson.conversions.Bson;
import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.service.KpiSummary;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.bson.Document;

/**
 * The {@code account_kpis} collection: one document per tenant and account. Writes are conditional on the version
 * that was read (optimistic concurrency), so two writers can never both apply an event on the same state.
 */
@ApplicationScoped
public class AccountKpiRepository {

    private final ReactiveMongoCollection<Document> kpis;
    private final Clock clock;

    public AccountKpiRepository(ReactiveMongoClient mongo, KpiConfig config) {
        this.kpis = mongo.getDatabase(config.projection().database()).getCollection(AccountKpisDocuments.COLLECTION);
        this.clock = Clock.systemUTC();
    }

    Uni<Void> ensureIndexes() {
        return kpis.createIndex(Indexes.ascending(AccountKpisDocuments.TENANT_ID, AccountKpisDocuments.ACCOUNT_KEY),
                        new IndexOptions().name("tenant_account").unique(true))
                // the summary's open-accounts-by-stage and stalled counts
                .chain(() -> kpis.createIndex(Indexes.ascending(AccountKpisDocuments.TENANT_ID,
                        StageKpisDocuments.STAGE_KEY), new IndexOptions().name("tenant_stage")))
                .chain(() -> kpis.createIndex(Indexes.ascending(AccountKpisDocuments.TENANT_ID,
                        StageKpisDocuments.STALLED), new IndexOptions().name("tenant_stalled")))
                .replaceWithVoid();
    }

    /** The account's stored KPIs, or a {@code null} item when the tenant has no such account. */
    public Uni<AccountKpis> find(String tenantId, String accountKey) {
        return kpis.find(and(eq(AccountKpisDocuments.ID, AccountKpisDocuments.idOf(tenantId, accountKey)),
                        eq(AccountKpisDocuments.TENANT_ID, tenantId)))
                .collect().first()
                .onItem().ifNotNull().transform(AccountKpisDocuments::fromDocument);
    }

    /** Stores the first state of an account; false if another writer created it meanwhile. */
    public Uni<Boolean> insert(AccountKpis first) {
        return kpis.insertOne(AccountKpisDocuments.toDocument(first, clock.instant()))
                .map(inserted -> true)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    /** Replaces the account's state only if it is still at {@code readVersion}; false if it moved on. */
    public Uni<Boolean> replaceIfAt(long readVersion, AccountKpis next) {
        return kpis.replaceOne(
                        and(eq(AccountKpisDocuments.ID, AccountKpisDocuments.idOf(next.tenantId(), next.accountKey())),
                                eq(AccountKpisDocuments.ACCOUNT_VERSION, readVersion)),
                        AccountKpisDocuments.toDocument(next, clock.instant()))
                .map(result -> result.getMatchedCount() > 0);
    }

    /** The tenant's summary: the totals and the journey KPIs, each a small aggregation, run concurrently. */
    public Uni<KpiSummary> summarize(String tenantId) {
        Uni<KpiSummary> totals = kpis.aggregate(KpiSummaryAggregation.pipeline(tenantId))
                .collect().first()
                .map(KpiSummaryAggregation::fromResult);
        Uni<StageSummary> journey = Uni.combine().all().unis(
                        rows(StageSummaryAggregation.openByStage(tenantId)),
                        rows(StageSummaryAggregation.stageTotals(tenantId)),
                        rows(StageSummaryAggregation.conversions(tenantId)),
                        rows(StageSummaryAggregation.outcomes(tenantId)),
                        rows(StageSummaryAggregation.stalled(tenantId)))
                .with(StageSummaryAggregation::fromResults);
        return Uni.combine().all().unis(totals, journey).with(KpiSummary::withJourney);
    }

    private Uni<List<Document>> rows(List<Bson> pipeline) {
        return kpis.aggregate(pipeline).collect().asList();
    }
}
