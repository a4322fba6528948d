package dev.tandem.state.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.TouchpointV1;
import dev.tandem.state.health.TouchpointConsumerHealth;
import dev.tandem.state.service.BatchOutcome;
import dev.tandem.state.service.JourneyStateService;
import dev.tandem.state.service.PoisonTouchpointException;
import dev.tandem.support.messaging.TransientRetries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code tandem.touchpoints.v1} a poll at a time ({@code batch=true}).
 * <ul>
 *   <li>One PostgreSQL transaction per batch (processed ids, states, outbox rows), then the batch is acked:
 *       commit strategy {@code throttled}, so offsets are committed only after that transaction.</li>
 *   <li>Poison (unreadable, incomplete, or refused by the aggregate): sent to {@code tandem.dlq.journey-state.v1}
 *       with the reason headers before the ack; the rest of the batch is applied.</li>
 *   <li>Transient failure (database down, optimistic-lock conflict): the whole batch is retried with back-off
 *       until it passes, so nothing is skipped; readiness goes DOWN if that lasts.</li>
 *   <li>Channel failure strategy {@code dead-letter-queue}: only a failure that escapes all of the above (a bug)
 *       reaches it; the batch's records are then dead-lettered rather than the partition stopped.</li>
 * </ul>
 */
@ApplicationScoped
public class TouchpointBatchConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointBatchConsumer.class);

    private record Candidate(KafkaRecord<String, String> record, TouchpointV1 touchpoint) {
    }

    private final JourneyStateService service;
    private final TransientRetries retries;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;
    private final TouchpointConsumerHealth health;
    private final Timer batchTimer;

    public TouchpointBatchConsumer(JourneyStateService service, TransientRetries retries, OutboxRelay relay,
            DeadLetters deadLetters, TouchpointConsumerHealth health, MeterRegistry meters) {
        this.service = service;
        this.retries = retries;
        this.relay = relay;
        this.deadLetters = deadLetters;
        this.health = health;
        this.batchTimer = Timer.builder("tandem.state.batch")
                .description("Time to apply one batch of touchpoints: transaction, dead letters and retries")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    @Incoming("touchpoints-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        long started = System.nanoTime();
        List<Candidate> candidates = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                candidates.add(new Candidate(record,
                        EventJson.read(record.getPayload(), TouchpointV1.class).requireComplete()));
            } catch (MalformedEventException e) {
                dead.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> deadLettered = dead.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(dead).andFailFast().replaceWithVoid();
        return deadLettered
                .chain(() -> applyAll(candidates))
                .invoke(() -> {
                    health.batchDone();
                    relay.wakeUp();
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(() -> batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .onFailure().call(failure -> {
                    LOG.errorf(failure, "Batch of %d touchpoint records failed", batch.getRecords().size());
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    /** Applies the touchpoints; one the aggregate refuses is dead-lettered and the rest applied again. */
    private Uni<Void> applyAll(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<TouchpointV1> touchpoints = candidates.stream().map(Candidate::touchpoint).toList();
        Uni<BatchOutcome> attempt = service.applyBatch(touchpoints)
                .onFailure(failure -> !(failure instanceof MalformedEventException)).invoke(health::attemptFailed);
        return retries.untilDone(attempt, "Batch of " + touchpoints.size() + " touchpoints")
                .invoke(outcome -> LOG.debugf("Batch applied: %s", outcome))
                .replaceWithVoid()
                .onFailure(PoisonTouchpointException.class).recoverWithUni(failure -> {
                    PoisonTouchpointException poison = (PoisonTouchpointException) failure;
                    List<Candidate> refused = candidates.stream().filter(c -> isThe(c.touchpoint(), poison)).toList();
                    List<Candidate> rest = candidates.stream().filter(c -> !isThe(c.touchpoint(), poison)).toList();
                    return deadLetters.sendAll(refused.stream().map(Candidate::record).toList(), poison)
                            .chain(() -> applyAll(rest));
                });
    }

    private static boolean isThe(TouchpointV1 touchpoint, PoisonTouchpointException poison) {
        return touchpoint.tenantId().equals(poison.tenantId()) && touchpoint.eventId().equals(poison.eventId());
    }
}
