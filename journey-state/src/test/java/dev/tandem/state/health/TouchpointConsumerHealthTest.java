package dev.tandem.state.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.state.TestClock;
import dev.tandem.state.config.StateConfig;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class TouchpointConsumerHealthTest {

    private final TestClock clock = new TestClock();

    private final TouchpointConsumerHealth health = new TouchpointConsumerHealth(clock, config(Duration.ofSeconds(30)));

    private static StateConfig config(Duration unhealthyAfter) {
        return new StateConfig() {
            public Outbox outbox() {
                return () -> 500;
            }

            public Consumer consumer() {
                return () -> unhealthyAfter;
            }

            public StallTick stallTick() {
                return null;
            }

            public java.util.Map<String, String> rolePatterns() {
                return java.util.Map.of();
            }
        };
    }

    @Test
    void aBatchFailingLongerThanTheThresholdIsDownUntilItPasses() {
        assertThat(health.status().getStatus()).isEqualTo(Status.UP);
        health.attemptFailed(new IllegalStateException("database unreachable"));
        clock.advance(Duration.ofSeconds(10));
        health.attemptFailed(new IllegalStateException("database unreachable"));
        assertThat(health.status().getStatus()).as("a short retry is no reason to leave the load balancer")
                .isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(25));
        assertThat(health.status().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.status().getData().orElseThrow()).containsEntry("lastFailure",
                "java.lang.IllegalStateException: database unreachable");
        health.batchDone();
        assertThat(health.status().getStatus()).isEqualTo(Status.UP);
    }
}
