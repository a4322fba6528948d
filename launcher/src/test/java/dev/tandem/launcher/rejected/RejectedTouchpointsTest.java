package dev.tandem.launcher.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RejectedTouchpointsTest {

    @Test
    void aReplayedRecordIsTheRawOneAgainWithoutTheRejectionHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawTouchpointRecords.TENANT, bytes("acme"));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add(RawTouchpointRecords.REJECTED_REASON, bytes("no-account"));
        headers.add(RawTouchpointRecords.REJECTED_FIELD, bytes("/accountKey"));
        ConsumerRecord<byte[], byte[]> rejected = new ConsumerRecord<>(Topics.TOUCHPOINTS_REJECTED, 0, 7, 0L,
                TimestampType.CREATE_TIME, -1, -1, bytes("acme/x"), bytes("{\"eventId\":\"1\"}"), headers,
                Optional.empty());

        ProducerRecord<byte[], byte[]> raw = RejectedTouchpoints.asRaw(rejected);

        assertThat(raw.topic()).isEqualTo(Topics.TOUCHPOINTS_RAW);
        assertThat(raw.key()).isEqualTo(rejected.key());
        assertThat(raw.value()).isEqualTo(rejected.value());
        assertThat(raw.headers().toArray()).extracting(Header::key)
                .containsExactly(RawTouchpointRecords.TENANT, "ce_specversion");
        assertThat(new RejectedTouchpoints.Filter("acme", "no-account").matches(rejected)).isTrue();
        assertThat(new RejectedTouchpoints.Filter("acme", "schema").matches(rejected)).isFalse();
        assertThat(new RejectedTouchpoints.Filter("other", null).matches(rejected)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
