package dev.tandem.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.FieldError;
import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.mapping.CloudEventMapper;
import dev.tandem.ingest.mapping.IngestFormat;
import dev.tandem.ingest.mapping.MappedItem;
import dev.tandem.ingest.mapping.RawRecordMapper;
import dev.tandem.ingest.mapping.RawRecordMapper.Read;
import dev.tandem.ingest.mapping.RawRecordMapper.Refusal;
import dev.tandem.ingest.mapping.TouchpointRequests;
import dev.tandem.ingest.service.IngestMetrics;
import dev.tandem.ingest.service.IngestMetrics.Outcome;
import dev.tandem.ingest.service.IngestMetrics.Path;
import dev.tandem.ingest.service.ItemResult;
import dev.tandem.ingest.service.TouchpointPipeline;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Follows {@code tandem.touchpoints.raw.v1} (channel {@code touchpoints-raw}, group {@code journey-ingest-raw}) and
 * judges each record exactly as an HTTP item ({@link RawRecordMapper} → {@link TouchpointPipeline#check}): a valid
 * new one is published to {@code tandem.touchpoints.v1} (its contact's sealed profile to {@code tandem.contacts.v1}
 * first), a duplicate (recent-id memory) is dropped and counted, an invalid one goes to
 * {@code tandem.touchpoints.rejected.v1}: key, value and headers unchanged plus the {@code tandem-rejected-*}
 * headers ({@link RawTouchpointRecords}).
 * <p>
 * Failure and commit strategy: records come in batches (one poll, at most {@code max.poll.records}); the returned Uni
 * completes only once every record of the batch is on the touchpoint log or on the rejected topic, acknowledged
 * ({@code acks=all}), and only then are the batch's offsets committed (commit strategy {@code throttled}). Publishing
 * and rejecting are retried with back-off until they pass ({@link TransientRetries}: a broker or a vault away), so
 * the Uni never fails and no record is skipped; the partition waits meanwhile. A crash before the commit re-reads the
 * batch: a record published twice is dropped by the recent-id memory here or journey-state's dedupe store there, and
 * a rejection written twice is the same rejection. So every record ends on exactly one of the two topics. No tenant
 * rate limit: the consumer's own pace is the back-pressure.
 */
@ApplicationScoped
public class RawTouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(RawTouchpointConsumer.class);

    private final TouchpointPipeline pipeline;
    private final TransientRetries retries;
    private final MutinyEmitter<byte[]> rejected;
    private final RawRecordMapper mapper;

    public RawTouchpointConsumer(TouchpointPipeline pipeline, TransientRetries retries, IngestConfig config,
            ObjectMapper json, @Channel("touchpoints-rejected")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<byte[]> rejected) {
        this.pipeline = pipeline;
        this.retries = retries;
        this.rejected = rejected;
        this.mapper = new RawRecordMapper(new TouchpointRequests(new CloudEventMapper(config.cloudevents().types())),
                json, config.maxEventBytes());
    }

    private record Sender(String tenantId, String system) {
    }

    private record Rejection(ConsumerRecord<byte[], byte[]> record, Refusal refusal) {
    }

    /** The batch's records judged: what to publish per sender, what to reject, and the counts to add. */
    private record Judged(Map<Sender, List<MappedItem>> valid, Map<Sender, IngestFormat[]> formats,
            List<Rejection> rejections) {
    }

    @Incoming("touchpoints-raw")
    public Uni<Void> consume(ConsumerRecords<byte[], byte[]> records) {
        Instant now = pipeline.now();
        // validation is CPU work: off the event loop
        return Uni.createFrom().item(() -> judge(records, now))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(judged -> Uni.join().all(publishAll(judged, now), rejectAll(judged.rejections()))
                        .andCollectFailures().replaceWithVoid());
    }

    private Judged judge(ConsumerRecords<byte[], byte[]> records, Instant now) {
        Map<Sender, List<MappedItem>> valid = new LinkedHashMap<>();
        Map<Sender, List<IngestFormat>> formats = new HashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        IngestMetrics metrics = pipeline.metrics();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Read read;
            try {
                read = mapper.read(headersOf(record), record.value());
            } catch (RuntimeException e) {
                // nothing is dropped silently: what cannot even be read is rejected with the reason
                read = new Read(null, RawRecordMapper.DEFAULT_SYSTEM, IngestFormat.NATIVE, null,
                        new Refusal("malformed", "", "could not be read: " + e.getClass().getSimpleName()));
            }
            String system = read.system() == null ? RawRecordMapper.DEFAULT_SYSTEM : read.system();
            if (read.refusal() != null) {
                rejections.add(new Rejection(record, read.refusal()));
                metrics.count(system, read.format(), Path.KAFKA, Outcome.REJECTED, read.refusal().reason(), 1);
                continue;
            }
            ItemResult rejection = pipeline.check(read.item(), read.tenantId(), now);
            if (rejection != null) {
                FieldError first = rejection.errors().isEmpty() ? new FieldError("", "is invalid")
                        : rejection.errors().get(0);
                rejections.add(new Rejection(record, new Refusal(rejection.reason(),
                        RawRecordMapper.recordField(first.field()), first.message())));
                metrics.count(system, read.format(), Path.KAFKA, Outcome.REJECTED, rejection.reason(), 1);
                continue;
            }
            if (!pipeline.claim(read.tenantId(), TouchpointPipeline.touchpointId(system, read.item().eventId()))) {
                metrics.count(system, read.format(), Path.KAFKA, Outcome.DUPLICATE, IngestMetrics.NO_REASON, 1);
                continue;
            }
            Sender sender = new Sender(read.tenantId(), system);
            valid.computeIfAbsent(sender, ignored -> new ArrayList<>()).add(read.item());
            formats.computeIfAbsent(sender, ignored -> new ArrayList<>()).add(read.format());
        }
        Map<Sender, IngestFormat[]> formatArrays = new HashMap<>();
        formats.forEach((sender, list) -> formatArrays.put(sender, list.toArray(IngestFormat[]::new)));
        return new Judged(valid, formatArrays, rejections);
    }

    /** Each sender's touchpoints, in log order, retried until they are on the log. */
    private Uni<Void> publishAll(Judged judged, Instant now) {
        List<Uni<Void>> all = new ArrayList<>();
        judged.valid().forEach((sender, items) -> all.add(retries.untilDone(Uni.createFrom().deferred(() ->
                        pipeline.publish(sender.tenantId(), sender.system(), items, now)),
                        "Raw touchpoints of tenant " + sender.tenantId())
                .invoke(() -> {
                    for (IngestFormat format : judged.formats().get(sender)) {
                        pipeline.metrics().count(sender.system(), format, Path.KAFKA, Outcome.ACCEPTED,
                                IngestMetrics.NO_REASON, 1);
                    }
                })
                .replaceWithVoid()));
        return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Void> rejectAll(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant at = pipeline.now();
        List<Uni<Void>> all = new ArrayList<>(rejections.size());
        for (Rejection rejection : rejections) {
            ConsumerRecord<byte[], byte[]> record = rejection.record();
            String from = record.topic() + "/" + record.partition() + "/" + record.offset();
            // logs name the record's place and reason, never its value
            LOG.debugf("Raw record %s rejected: %s at %s", from, rejection.refusal().reason(),
                    rejection.refusal().field());
            all.add(retries.untilDone(Uni.createFrom().deferred(() -> rejected.sendMessage(
                    rejectedRecord(record, rejection.refusal(), from, at))), "Rejected raw record " + from));
        }
        return Uni.join().all(all).andCollectFailures().replaceWithVoid();
    }

    /** The raw record unchanged (earlier rejection headers aside) plus this rejection's headers. */
    static Message<byte[]> rejectedRecord(ConsumerRecord<byte[], byte[]> record, Refusal refusal, String from,
            Instant at) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(RawTouchpointRecords.REJECTED_PREFIX)) {
                headers.add(header);
            }
        }
        add(headers, RawTouchpointRecords.REJECTED_REASON, refusal.reason());
        add(headers, RawTouchpointRecords.REJECTED_FIELD, refusal.field());
        add(headers, RawTouchpointRecords.REJECTED_MESSAGE, refusal.message());
        add(headers, RawTouchpointRecords.REJECTED_FROM, from);
        add(headers, RawTouchpointRecords.REJECTED_AT, at.toString());
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headersOf(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
