package dev.tandem.kpi.service;

import dev.tandem.kpi.repository.AccountKpiRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the KPI projection, always within one tenant. */
@ApplicationScoped
public class KpiQueries {

    private final AccountKpiRepository repository;

    public KpiQueries(AccountKpiRepository repository) {
        this.repository = repository;
    }

    public Uni<KpiSummary> summaryOf(String tenantId) {
        return repository.summarize(tenantId);
    }

    /** One account's KPIs; fails with {@link UnknownAccountException} if the tenant has none. */
    public Uni<AccountKpis> accountOf(String tenantId, String accountKey) {
        return repository.find(tenantId, accountKey)
                .onItem().ifNull().failWith(() -> new UnknownAccountException(accountKey));
    }
}
