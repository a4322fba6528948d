package dev.tandem.state.health;

import dev.tandem.state.service.JourneyStreams;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health from the Kafka Streams state. Live unless the application is in ERROR or shut down (a failed stream
 * thread is replaced, so a broker or disk outage shows as failures and a rebalance, not as death). Ready only
 * while RUNNING: stores restored and partitions assigned.
 */
public final class StreamsHealth {

    static final String NAME = "journey-streams";

    private StreamsHealth() {
    }

    static HealthCheckResponseBuilder describe(JourneyStreams streams) {
        KafkaStreams.State state = streams.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("state", String.valueOf(state))
                .withData("replacedThreads", streams.replacedThreads())
                .withData("consecutiveFailures", streams.consecutiveFailures());
        if (streams.lastFailure() != null) {
            response.withData("lastFailure", streams.lastFailure());
        }
        return response;
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final JourneyStreams streams;

        public Live(JourneyStreams streams) {
            this.streams = streams;
        }

        @Override
        public HealthCheckResponse call() {
            KafkaStreams.State state = streams.state();
            boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                    || state == KafkaStreams.State.PENDING_ERROR;
            return describe(streams).status(!dead).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final JourneyStreams streams;

        public Ready(JourneyStreams streams) {
            this.streams = streams;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(streams).status(streams.state() == KafkaStreams.State.RUNNING).build();
        }
    }
}
