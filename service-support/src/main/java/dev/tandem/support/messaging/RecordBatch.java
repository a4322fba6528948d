package dev.tandem.support.messaging;

import dev.tandem.events.MalformedEventException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * One poll's records of a batch consumer, read: the contracts that can be applied, in log order (partition by partition, each in
 * offset order, so one key's records keep their order), and the records that can never be applied, with why.
 *
 * @param valid what the records ask for, in log order
 * @param rejected the records to dead-letter, in log order
 * @param description where the batch came from, for logs: {@code topic-partition@first..last} per partition
 */
public record RecordBatch<T>(List<T> valid, List<Rejected> rejected, String description) {

    /** A record that can never be applied, and why. */
    public record Rejected(ConsumerRecord<String, String> record, MalformedEventException reason) {

        public String position() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    /** Reads every record with {@code reader}, which throws {@link MalformedEventException} for a record to refuse. */
    public static <T> RecordBatch<T> read(ConsumerRecords<String, String> records,
            BiFunction<String, String, T> reader) {
        return readRecords(records, record -> reader.apply(record.key(), record.value()));
    }

    /** Like {@link #read}, for a reader that needs the whole record (its partition and offset, say). */
    public static <T> RecordBatch<T> readRecords(ConsumerRecords<String, String> records,
            java.util.function.Function<ConsumerRecord<String, String>, T> reader) {
        List<T> valid = new ArrayList<>(records.count());
        List<Rejected> rejected = new ArrayList<>();
        Map<String, long[]> offsets = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            offsets.computeIfAbsent(record.topic() + "-" + record.partition(),
                    partition -> new long[] {record.offset(), record.offset()})[1] = record.offset();
            try {
                valid.add(reader.apply(record));
            } catch (MalformedEventException reason) {
                rejected.add(new Rejected(record, reason));
            }
        }
        String description = records.count() + " records (" + offsets.entrySet().stream()
                .map(entry -> entry.getKey() + "@" + entry.getValue()[0] + ".." + entry.getValue()[1])
                .collect(Collectors.joining(", ")) + ")";
        return new RecordBatch<>(List.copyOf(valid), List.copyOf(rejected), description);
    }
}
