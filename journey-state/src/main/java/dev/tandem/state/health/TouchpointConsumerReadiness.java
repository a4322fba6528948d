package dev.tandem.state.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code touchpoint-batches}: DOWN while one batch has been failing for too long. */
@Readiness
@ApplicationScoped
public class TouchpointConsumerReadiness implements HealthCheck {

    private final TouchpointConsumerHealth health;

    public TouchpointConsumerReadiness(TouchpointConsumerHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return health.status();
    }
}
