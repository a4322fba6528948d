package dev.tandem.designer.messaging;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.repository.JourneyOutboxEntity;
import dev.tandem.designer.repository.JourneyOutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends the journey outbox to {@code tandem.journey-definitions.v1} (compacted, key {@code tenantId/journeyId}):
 * right after a publish or archive commits, and every {@code tandem.designer.journeys.outbox-interval} for what a
 * crash or an absent broker left behind. Within one transaction it locks the unsent records in the order they were
 * written, sends them one after the other, each acknowledged by the broker ({@code acks=all}) before the next, and
 * marks them sent; a relay on another instance waits for the lock and then finds them sent, so records of one
 * journey reach the topic in order. A send that fails rolls the transaction back: the records stay unsent and the
 * next run sends them again (at least once; journey-state keeps the newest version of a journey, so a repeat
 * changes nothing).
 */
@ApplicationScoped
public class JourneyOutboxRelay {

    private static final Logger LOG = Logger.getLogger(JourneyOutboxRelay.class);

    private final JourneyOutboxRepository outbox;
    private final MutinyEmitter<String> definitions;
    private final DesignerConfig config;
    private final Clock clock = Clock.systemUTC();

    public JourneyOutboxRelay(JourneyOutboxRepository outbox,
            @Channel("journey-definitions") MutinyEmitter<String> definitions, DesignerConfig config) {
        this.outbox = outbox;
        this.definitions = definitions;
        this.config = config;
    }

    // not before the application runs: the emitter's channel is connected during start-up
    @Scheduled(every = "${tandem.designer.journeys.outbox-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendPending().onFailure().recoverWithUni(failure -> {
            LOG.warnf("Journey outbox not sent yet (%s); retried in %s", failure.toString(),
                    config.journeys().outboxInterval());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /** Sends what is unsent; answers how many records it sent. */
    public Uni<Integer> sendPending() {
        return Panache.withTransaction(() -> outbox.lockUnsent(config.journeys().outboxBatch()).flatMap(records -> {
            // the broker acknowledges on its own thread; the session must be used on this context again
            Context context = Vertx.currentContext();
            Executor onContext = task -> context.runOnContext(ignored -> task.run());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JourneyOutboxEntity record : records) {
                chain = chain.chain(() -> send(record).emitOn(onContext))
                        .invoke(() -> record.sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
            return chain.replaceWith(records.size());
        })).invoke(sent -> {
            if (sent > 0) {
                LOG.infof("Sent %d journey definition record(s) to the log", sent);
            }
        });
    }

    private Uni<Void> send(JourneyOutboxEntity record) {
        return definitions.sendMessage(Message.of(record.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.recordKey).build()));
    }

    /** Unsent records, for health and tests. */
    public Uni<Long> unsent() {
        return Panache.withSession(outbox::countUnsent);
    }

}
