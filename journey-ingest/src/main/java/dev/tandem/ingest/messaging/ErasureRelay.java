package dev.tandem.ingest.messaging;

import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.service.ErasureService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Puts recorded erasure requests on the log: at start-up (a request recorded just before a crash) and then every
 * {@code tandem.ingest.erasure.publish-retry-interval} (a broker that was away). A new request is published at once
 * by {@link ErasureService#request}; this is the safety net, so no request waits on a healthy broker.
 */
@ApplicationScoped
public class ErasureRelay {

    private static final Logger LOG = Logger.getLogger(ErasureRelay.class);

    private final ErasureService erasures;
    private final Vertx vertx;
    private final IngestConfig config;
    private long timer = -1;

    public ErasureRelay(ErasureService erasures, Vertx vertx, IngestConfig config) {
        this.erasures = erasures;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(0, config.erasure().publishRetryInterval().toMillis(), id -> publishPending());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void publishPending() {
        erasures.publishPending().subscribe().with(
                count -> {
                    if (count > 0) {
                        LOG.infof("Published %d pending erasure request(s)", count);
                    }
                },
                failure -> LOG.warnf("Pending erasure requests are not on the log yet (%s); retried in %s",
                        failure.toString(), config.erasure().publishRetryInterval()));
    }
}
