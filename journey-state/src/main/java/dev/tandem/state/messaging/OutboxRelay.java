package dev.tandem.state.messaging;

import dev.tandem.state.config.StateConfig;
import dev.tandem.state.repository.JourneyStateRepository;
import dev.tandem.state.repository.OutboxRecordEntity;
import dev.tandem.support.messaging.CloudEventMessages;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows in id order (so each account's records keep their order on its partition)
 * and deletes them once the broker acknowledged all of a round. A crash between the two publishes a round
 * again: at-least-once, which the projections absorb by their {@code accountVersion} guard. One replica at a
 * time relays (a PostgreSQL advisory lock), so replicas never interleave one account's records.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final URI SOURCE = URI.create("https://tandem.dev/journey-state");

    private final Mutiny.SessionFactory sessions;
    private final JourneyStateRepository repository;
    private final MutinyEmitter<String> out;
    private final StateConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(Mutiny.SessionFactory sessions, JourneyStateRepository repository,
            @Channel("outbox-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
            MutinyEmitter<String> out,
            StateConfig config) {
        this.sessions = sessions;
        this.repository = repository;
        this.out = out;
        this.config = config;
    }

    /**
     * Safety net: relays what no wake-up announced (e.g. rows left by a crash before publishing). It starts a
     * few seconds after boot, once the messaging channels are connected.
     */
    @Scheduled(every = "${tandem.state.outbox.poll-interval:1s}", delayed = "${tandem.state.outbox.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        wakeUp();
        return Uni.createFrom().voidItem();
    }

    /**
     * Asks for a relay round soon; called after each committed transaction so events leave within
     * milliseconds. Rounds never overlap: one requested while one runs is folded into a following round.
     * Must be called on a Vert.x context (Hibernate Reactive sessions live there); elsewhere the scheduled
     * round picks the rows up.
     */
    public void wakeUp() {
        if (stopping) {
            return;
        }
        pending.set(true);
        Context context = Vertx.currentContext();
        if (context != null && running.compareAndSet(false, true)) {
            runRounds(context);
        }
    }

    /** Rows left now are relayed after the restart; a round started against a closing pool would only fail. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void runRounds(Context context) {
        if (stopping) {
            running.set(false);
            return;
        }
        pending.set(false);
        round(context).subscribe().with(published -> {
            if (published >= config.outbox().batchSize() || pending.get()) {
                runRounds(context);
                return;
            }
            running.set(false);
            // a wake-up may have slipped in between the check and the reset
            if (pending.get() && running.compareAndSet(false, true)) {
                runRounds(context);
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("Outbox relay round failed, the next round retries: %s", failure.toString());
        });
    }

    /**
     * Publishes the oldest rows and deletes them, in one transaction holding the relay lock, so that with
     * several replicas only one relays at a time and each account's records leave in order. Answers how many
     * were published (0 when another replica holds the lock).
     */
    private Uni<Integer> round(Context context) {
        return sessions.withTransaction(session -> repository.tryRelayLock(session).chain(locked -> !locked
                ? Uni.createFrom().item(0)
                : repository.oldestOutboxRecords(session, config.outbox().batchSize()).chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(0)
                        : publish(rows, context)
                                .chain(() -> repository.deleteOutboxRecords(session, ids(rows)))
                                .replaceWith(rows.size()))));
    }

    private static List<Long> ids(List<OutboxRecordEntity> rows) {
        return rows.stream().map(row -> row.id).toList();
    }

    private Uni<Void> publish(List<OutboxRecordEntity> rows, Context context) {
        List<Uni<Void>> acks = rows.stream()
                .map(row -> out.sendMessage(CloudEventMessages.keyed(row.topic, row.recordKey, row.payload, row.ceId,
                        row.ceType, SOURCE, row.occurredAt)))
                .toList();
        return Uni.join().all(acks).andFailFast()
                // acknowledgements arrive on a Kafka thread; the Hibernate Reactive session lives on its Vert.x context
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .replaceWithVoid();
    }
}
