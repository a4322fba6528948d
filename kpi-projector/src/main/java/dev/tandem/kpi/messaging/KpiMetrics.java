package dev.tandem.kpi.messaging;

import dev.tandem.kpi.service.LoggedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the projection did, for Prometheus: events projected, batches and their duration, and the projection
 * latency (from the moment journey-state wrote an event on the log to the moment its batch was in MongoDB). The
 * consumer lag itself is the Kafka client's {@code kafka_consumer_fetch_manager_records_lag_max}.
 */
@ApplicationScoped
public class KpiMetrics {

    private final Counter projected;
    private final Timer batches;
    private final Timer latency;
    private final DistributionSummary batchSize;
    private final Clock clock = Clock.systemUTC();

    public KpiMetrics(MeterRegistry registry) {
        projected = Counter.builder("tandem.kpi.events.projected")
                .description("Journey events applied to the KPI projection (duplicates and replays included)")
                .register(registry);
        batches = Timer.builder("tandem.kpi.batch.duration")
                .description("Time to apply one poll of journey events, reads and writes included")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        latency = Timer.builder("tandem.kpi.projection.latency")
                .description("From an event's log timestamp to its batch being written to the KPI projection")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        batchSize = DistributionSummary.builder("tandem.kpi.batch.size")
                .description("Journey events per applied batch").register(registry);
    }

    /** Records a batch that was applied, started at {@code startNanos} (System.nanoTime). */
    void applied(List<LoggedEvent> events, long startNanos) {
        batches.record(Duration.ofNanos(System.nanoTime() - startNanos));
        projected.increment(events.size());
        batchSize.record(events.size());
        long now = clock.millis();
        for (LoggedEvent event : events) {
            if (event.loggedAtMillis() > 0) {
                latency.record(Duration.ofMillis(Math.max(0, now - event.loggedAtMillis())));
            }
        }
    }
}
