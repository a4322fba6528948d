package dev.tandem.designer.messaging;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.repository.DesignOutboxEntity;
import dev.tandem.designer.repository.DesignOutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
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
 * Sends the design outbox: published and archived journey versions to {@code tandem.journey-records.v1} (key
 * {@code tenantId/journeyId}) and personas to {@code tandem.personas.v1} (key {@code tenantId/role}; a tombstone for
 * a deleted one), both compacted; right after the change commits, and every {@code tandem.designer.outbox.interval} for what a
 * crash or an absent broker left behind. Within one transaction it locks the unsent records in the order they were
 * written, sends them one after the other, each acknowledged by the broker ({@code acks=all}) before the next, and
 * marks them sent; a relay on another instance waits for the lock and then finds them sent, so records of one
 * journey reach the topic in order. A send that fails rolls the transaction back: the records stay unsent and the
 * next run sends them again (at least once; journey-state keeps the newest version of a journey and the newest
 * revision of a persona, so a repeat changes nothing).
 */
@ApplicationScoped
public class DesignOutboxRelay {

    private static final Logger LOG = Logger.getLogger(DesignOutboxRelay.class);

    private final DesignOutboxRepository outbox;
    private final MutinyEmitter<Record<String, String>> records;
    private final DesignerConfig config;
    private final Clock clock = Clock.systemUTC();

    public DesignOutboxRelay(DesignOutboxRepository outbox,
            @Channel("design-records") MutinyEmitter<Record<String, String>> records, DesignerConfig config) {
        this.outbox = outbox;
        this.records = records;
        this.config = config;
    }

    // not before the application runs: the emitter's channel is connected during start-up
    @Scheduled(every = "${tandem.designer.outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sendPending().onFailure().recoverWithUni(failure -> {
            LOG.warnf("Design outbox not sent yet (%s); retried in %s", failure.toString(),
                    config.outbox().interval());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /**
     * What a change calls once it committed its outbox record: sends it at once, and if the broker is away leaves it
     * to the next scheduled run (the change itself stands: it is recorded).
     */
    public Uni<Integer> sendCommitted() {
        return sendPending().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Design outbox not sent at once (%s); retried within %s", failure.toString(),
                    config.outbox().interval());
            return 0;
        });
    }

    /** Sends what is unsent; answers how many records it sent. */
    public Uni<Integer> sendPending() {
        return Panache.withTransaction(() -> outbox.lockUnsent(config.outbox().batch()).flatMap(records -> {
            // the broker acknowledges on its own thread; the session must be used on this context again
            Context context = Vertx.currentContext();
            Executor onContext = task -> context.runOnContext(ignored -> task.run());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DesignOutboxEntity record : records) {
                chain = chain.chain(() -> send(record).emitOn(onContext))
                        .invoke(() -> record.sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
            return chain.replaceWith(records.size());
        })).invoke(sent -> {
            if (sent > 0) {
                LOG.infof("Sent %d design record(s) to the log", sent);
            }
        });
    }

    private Uni<Void> send(DesignOutboxEntity record) {
        // Record.of(key, null) is a tombstone
        return records.sendMessage(Message.of(Record.of(record.recordKey, record.payload))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(record.topic).build()));
    }

    /** Unsent records, for health and tests. */
    public Uni<Long> unsent() {
        return Panache.withSession(outbox::countUnsent);
    }

}
