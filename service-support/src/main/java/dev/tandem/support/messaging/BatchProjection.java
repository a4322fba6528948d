package dev.tandem.support.messaging;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The skeleton every projector's batch consumer shares. Failure strategy dead-letter-queue, per record: a record the
 * reader refuses ({@link dev.tandem.events.MalformedEventException}) is written to the service's dead-letter topic
 * with its reason and the rest of the batch is applied; the partition goes on. The valid records are applied in one
 * call; other failures (a database unreachable) are retried for the whole batch until they pass, which is safe
 * because every projection write is idempotent. The returned Uni never fails, so the connector's own dead-letter
 * queue (which would take the whole batch) is never reached, and with commit strategy {@code throttled} the batch's
 * offsets are committed only once every record was applied or dead-lettered.
 */
public final class BatchProjection {

    private BatchProjection() {
    }

    /**
     * @param reader turns a record's key and value into the contract, or throws MalformedEventException
     * @param apply applies the batch's valid contracts, in log order
     * @param kind what the records are, for logs and dead-letter reasons ("Snapshot", "Journey event")
     */
    public static <T> Uni<Void> consume(ConsumerRecords<String, String> records, BiFunction<String, String, T> reader,
            Function<List<T>, Uni<?>> apply, String kind, DeadLetterQueue deadLetters, TransientRetries retries) {
        return consumeRecords(records, record -> reader.apply(record.key(), record.value()), apply, kind, deadLetters,
                retries);
    }

    /** Like {@link #consume}, for a reader that needs the whole record (its partition and offset, say). */
    public static <T> Uni<Void> consumeRecords(ConsumerRecords<String, String> records,
            Function<ConsumerRecord<String, String>, T> reader, Function<List<T>, Uni<?>> apply, String kind,
            DeadLetterQueue deadLetters, TransientRetries retries) {
        return retries.untilDone(Uni.createFrom().item(() -> RecordBatch.readRecords(records, reader)),
                        "Reading " + kind.toLowerCase(java.util.Locale.ROOT) + " batch")
                .chain(batch -> Uni.join().all(
                                deadLetters.send(batch.rejected(), kind),
                                batch.valid().isEmpty() ? Uni.createFrom().voidItem()
                                        : retries.untilDone(Uni.createFrom().deferred(() -> apply.apply(batch.valid())),
                                                kind + " batch " + batch.description()).replaceWithVoid())
                        .andCollectFailures()
                        .replaceWithVoid());
    }
}
