package dev.tandem.designer.repository;

import dev.tandem.designer.config.DesignerConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
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

    private final AccountJourneyRepository journeys;
    private final ContactRepository contacts;
    private final DesignerConfig config;

    public ProjectionIndexes(AccountJourneyRepository journeys, ContactRepository contacts, DesignerConfig config) {
        this.journeys = journeys;
        this.contacts = contacts;
        this.config = config;
    }

    void createOnStart(@Observes StartupEvent startup) {
        Uni.join().all(journeys.ensureIndexes(), contacts.ensureIndexes()).andFailFast()
                .await().atMost(config.projection().indexTimeout());
        LOG.infof("Indexes of the account-journey projection are in place (database %s)",
                config.projection().database());
    }
}
