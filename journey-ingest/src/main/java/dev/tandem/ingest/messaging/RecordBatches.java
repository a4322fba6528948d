package dev.tandem.ingest.messaging;

import dev.tandem.ingest.service.OffEventLoop;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a batch of records through a channel's Kafka producer in one step: one hand-over to the producer's sending
 * thread for the whole batch (a send may block on metadata or a full buffer, so never on an event loop), the records
 * in the order given, and one answer when the broker acknowledged all of them, back on the caller's Vert.x context.
 * Per record, a channel's emitter would add a message, its metadata, a context capture and a hand-over each; at
 * ingest's rates that cost more than the producer itself.
 */
final class RecordBatches {

    private RecordBatches() {
    }

    /** Completes when every record is acknowledged; fails with the first error (the producer's or the broker's). */
    static <K, V> Uni<Void> send(KafkaProducer<K, V> producer, List<ProducerRecord<K, V>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context caller = Vertx.currentContext();
        Uni<Void> acknowledged = Uni.createFrom().emitter(emitter -> {
            Acknowledgements acks = new Acknowledgements(records.size(), emitter);
            producer.runOnSendingThread(kafka -> {
                for (ProducerRecord<K, V> record : records) {
                    kafka.send(record, acks);
                }
            }).subscribe().with(sent -> { }, acks::fail);
        });
        // the acknowledgements arrive on the producer's network thread, which must not run what follows
        return OffEventLoop.resumeOn(caller, acknowledged);
    }

    /** Counts the broker's acknowledgements of one batch down to its answer. */
    private static final class Acknowledgements implements Callback {
        private final AtomicInteger pending;
        private final AtomicBoolean answered = new AtomicBoolean();
        private final UniEmitter<? super Void> emitter;

        Acknowledgements(int records, UniEmitter<? super Void> emitter) {
            this.pending = new AtomicInteger(records);
            this.emitter = emitter;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                fail(error);
            } else if (pending.decrementAndGet() == 0 && answered.compareAndSet(false, true)) {
                emitter.complete(null);
            }
        }

        void fail(Throwable error) {
            if (answered.compareAndSet(false, true)) {
                emitter.fail(error);
            }
        }
    }
}
