package dev.tandem.kpi.service;

import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.KpiStore;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Tells a live view when a tenant's KPIs changed, so that it reads the reports again only then. The partitions of the
 * journey events, and so a tenant's changes, are shared among the service's instances, and the instance that holds
 * a view's connection may count none of them: each stream therefore reads the tenant's totals revision (offsets
 * only, never the counters) from MongoDB, where every instance's counting meets, instead of listening to this
 * instance's projection.
 */
@ApplicationScoped
public class KpiRevisions {

    private static final Logger LOG = Logger.getLogger(KpiRevisions.class);

    private final KpiStore store;
    private final Duration pollInterval;

    public KpiRevisions(KpiStore store, KpiConfig config) {
        this.store = store;
        this.pollInterval = config.dashboard().pollInterval();
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("tandem.kpi.dashboard.poll-interval must be positive, not "
                    + pollInterval);
        }
    }

    /**
     * The tenant's totals revision now, then each time it changes. Reads are non-blocking and one at a time (the
     * next one {@code poll-interval} after the last answered, so a slow database slows the polling instead of
     * piling reads up); the stream never ends by itself, only when its subscriber cancels (the client went away),
     * or with a failed read, which the client answers by connecting again.
     */
    public Multi<Long> changesOf(String tenantId) {
        return Multi.createBy().repeating().uni(() -> store.current().chain(generation -> generation.totals().revisionOf(tenantId)))
                .withDelay(pollInterval)
                .indefinitely()
                .skip().repetitions()
                .onSubscription().invoke(() -> LOG.debugf("KPI stream of tenant %s opened", tenantId))
                .onCancellation().invoke(() -> LOG.debugf("KPI stream of tenant %s closed by its client", tenantId))
                .onFailure().invoke(failure -> LOG.warnf(failure,
                        "The KPI revision of tenant %s could not be read; its stream ends", tenantId));
    }
}
