package dev.tandem.kpi.messaging;

import dev.tandem.support.messaging.BatchProjection;
import dev.tandem.support.messaging.DeadLetterQueue;
import dev.tandem.kpi.service.KpiProjection;
import dev.tandem.kpi.service.LoggedEvent;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects {@code tandem.journey-events.v1} into {@code account_kpis} and {@code kpi_totals}, one poll at a time. */
@ApplicationScoped
public class JourneyEventConsumer {

    private final KpiProjection projection;
    private final DeadLetterQueue deadLetters;
    private final TransientRetries retries;
    private final KpiMetrics metrics;

    public JourneyEventConsumer(KpiProjection projection, DeadLetterQueue deadLetters, TransientRetries retries,
            KpiMetrics metrics) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.metrics = metrics;
    }

    /**
     * Failure strategy dead-letter-queue, per record: a record that can never be applied is written to
     * {@code tandem.dlq.kpi-projector.v1} with its reason ({@link DeadLetterQueue}) and the rest of the batch is
     * applied; the partition goes on. The valid events are applied per account in log order ({@link KpiProjection}:
     * one read, one bulk write). Other failures (MongoDB unreachable, write conflicts beyond the retries) are retried
     * for the whole batch until they pass, which is safe because an event not newer than the stored version changes
     * nothing: nothing is skipped, and this Uni never fails, so the connector's own dead-letter-queue (which would
     * take the whole batch) is never reached.
     * Commit strategy throttled: the batch's offsets are committed only after this Uni completed, i.e. once every
     * record of the batch was applied or dead-lettered. Batches are handled one after the other, so one account's
     * events are applied in log order.
     */
    @Incoming("journey-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return BatchProjection.consumeRecords(records,
                LoggedEvent::read, this::project, "Journey event", deadLetters, retries);
    }

    private Uni<Integer> project(List<LoggedEvent> events) {
        long start = System.nanoTime();
        return projection.applyAll(events).invoke(() -> metrics.applied(events, start));
    }
}
