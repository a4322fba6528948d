package dev.tandem.kpi.service;

import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.model.kpi.AttributionModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the KPI projection, always within one tenant: reports from the maintained totals, never a scan. */
@ApplicationScoped
public class KpiQueries {

    private final KpiStore store;

    public KpiQueries(KpiStore store) {
        this.store = store;
    }

    private Uni<KpiTotals> totalsOf(String tenantId) {
        return store.current().chain(generation -> generation.totals().totalsOf(tenantId)).map(KpiTotals::of);
    }

    public Uni<KpiSummary> summaryOf(String tenantId) {
        return totalsOf(tenantId).map(KpiReports::summary);
    }

    public Uni<KpiReports.Funnel> funnel(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.funnel(totals, filter));
    }

    public Uni<List<KpiReports.StageVelocity>> velocity(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.velocity(totals, filter));
    }

    public Uni<KpiReports.Stalls> stalls(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.stalls(totals, filter));
    }

    public Uni<KpiReports.Coverage> coverage(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.coverage(totals, filter));
    }

    public Uni<KpiReports.Contribution> contribution(String tenantId, KpiFilter filter, AttributionModel model) {
        return totalsOf(tenantId).map(totals -> KpiReports.contribution(totals, filter, model));
    }

    public Uni<KpiReports.Outcomes> outcomes(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.outcomes(totals, filter));
    }

    public Uni<KpiReports.Reasons> reasons(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.reasons(totals, filter));
    }

    public Uni<List<KpiReports.ContentUse>> enablement(String tenantId, KpiFilter filter) {
        return totalsOf(tenantId).map(totals -> KpiReports.enablement(totals, filter));
    }

    /** One account's KPIs; fails with {@link UnknownAccountException} if the tenant has none. */
    public Uni<AccountKpis> accountOf(String tenantId, String accountKey) {
        return store.current().chain(generation -> generation.accounts().find(tenantId, accountKey))
                .onItem().ifNull().failWith(() -> new UnknownAccountException(accountKey));
    }
}
