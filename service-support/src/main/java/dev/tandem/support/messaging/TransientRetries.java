package dev.tandem.support.messaging;

import dev.tandem.events.MalformedEventException;
import dev.tandem.support.config.TandemConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The one retry policy of Tandem's Kafka consumers. A malformed record fails at once (it is dead-lettered:
 * {@link RecordBatch} and {@link DeadLetterQueue} in the batch consumers). Any other failure (database or broker unreachable, a write conflict) may pass, so the
 * work is retried with capped exponential back-off until it succeeds: skipping it would lose an effect that
 * later records build on. While it lasts the throttled commit strategy holds the partition's offset and
 * reports the channel unhealthy, which readiness shows.
 */
@ApplicationScoped
public class TransientRetries {

    private static final Logger LOG = Logger.getLogger(TransientRetries.class);

    private final TandemConfig config;

    public TransientRetries(TandemConfig config) {
        this.config = config;
    }

    public <T> Uni<T> untilDone(Uni<T> work, String what) {
        return work
                .onFailure(TransientRetries::mayPass)
                .invoke(failure -> LOG.warnf("%s failed, retrying: %s", what, failure.toString()))
                .onFailure(TransientRetries::mayPass).retry()
                .withBackOff(config.messaging().retry().initialBackoff(), config.messaging().retry().maxBackoff())
                .indefinitely();
    }

    private static boolean mayPass(Throwable failure) {
        return !(failure instanceof MalformedEventException);
    }
}
