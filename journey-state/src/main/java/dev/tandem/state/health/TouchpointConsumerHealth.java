package dev.tandem.state.health;

import dev.tandem.state.config.StateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of the touchpoint consumer. A batch that fails transiently is retried until it passes (nothing may
 * be skipped), so the channel itself looks alive; this check turns a retry that lasts longer than
 * {@code tandem.state.consumer.unhealthy-after} into DOWN, and back to UP once the batch committed.
 * {@link TouchpointConsumerReadiness} publishes it.
 */
@ApplicationScoped
public class TouchpointConsumerHealth {

    static final String NAME = "touchpoint-batches";

    private final Clock clock;
    private final Duration unhealthyAfter;
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private volatile String lastFailure;

    public TouchpointConsumerHealth(Clock clock, StateConfig config) {
        this.clock = clock;
        this.unhealthyAfter = config.consumer().unhealthyAfter();
    }

    /** An attempt of the current batch failed; the first failure starts the clock. */
    public void attemptFailed(Throwable failure) {
        failingSince.compareAndSet(null, clock.instant());
        lastFailure = failure.toString();
    }

    /** The current batch committed (or was dead-lettered): healthy again. */
    public void batchDone() {
        failingSince.set(null);
        lastFailure = null;
    }

    public HealthCheckResponse status() {
        Instant since = failingSince.get();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (since != null) {
            response.withData("failingSince", since.toString()).withData("lastFailure", String.valueOf(lastFailure));
            if (Duration.between(since, clock.instant()).compareTo(unhealthyAfter) > 0) {
                response.down();
            }
        }
        return response.build();
    }
}
