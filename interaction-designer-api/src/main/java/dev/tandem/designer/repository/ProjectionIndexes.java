package dev.tandem.designer.repository;

import dev.tandem.designer.config.DesignerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the read model's indexes at start-up (idempotent), in its current generation. Start-up runs on the main
 * thread, not an event loop, so waiting here is allowed; a service whose database is unreachable fails fast instead
 * of serving slow scans.
 */
@ApplicationScoped
public class ProjectionIndexes {

    private static final Logger LOG = Logger.getLogger(ProjectionIndexes.class);

    private final ReadModelStore store;
    private final DesignerConfig config;

    public ProjectionIndexes(ReadModelStore store, DesignerConfig config) {
        this.store = store;
        this.config = config;
    }

    void createOnStart(@Observes StartupEvent startup) {
        int generation = store.current().call(store::ensureIndexes).await()
                .atMost(config.projection().indexTimeout()).number();
        LOG.infof("Indexes of the account-journey projection are in place (database %s, generation %d)",
                config.projection().database(), generation);
    }
}
