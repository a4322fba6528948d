package dev.tandem.kpi.repository;

import dev.tandem.kpi.config.KpiConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the read model's indexes at start-up (idempotent). Start-up runs on the main thread, not an event loop,
 * so waiting here is allowed; a service whose database is unreachable fails fast instead of serving slow scans.
 */
@ApplicationScoped
public class ProjectionIndexes {

    private static final Logger LOG = Logger.getLogger(ProjectionIndexes.class);

    private final KpiStore store;
    private final KpiConfig config;

    public ProjectionIndexes(KpiStore store, KpiConfig config) {
        this.store = store;
        this.config = config;
    }

    void createOnStart(@Observes StartupEvent startup) {
        store.current().chain(store::ensureIndexes).await().atMost(config.projection().indexTimeout());
        LOG.infof("Indexes of the KPI projection are in place (database %s)", config.projection().database());
    }
}
