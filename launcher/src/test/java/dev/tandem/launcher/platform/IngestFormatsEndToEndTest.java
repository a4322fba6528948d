package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each way into Tandem, against the packaged platform, reaches the account's committee in the seller view: native
 * JSON, CloudEvents (structured and binary), Segment calls (identify, group, track) sent with an API key as the
 * write key, and a record on the raw Kafka topic; a raw record that is wrong lands on the rejected topic, and
 * {@code ./tandem rejected replay} sends it back as it came. No email or name is in any touchpoint record.
 */
@ExtendWith(SharedPlatform.class)
class IngestFormatsEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
    }

    @Test
    void everyFormatReachesTheCommitteeAndNoPersonalDataReachesTheTouchpointLog() throws Exception {
        String tenant = "formats-" + UUID.randomUUID().toString().substring(0, 8);
        String ingest = platform.signingKey().token(tenant, "tools", Set.of("ingest"), Duration.ofHours(1));
        String admin = platform.signingKey().token(tenant, Set.of("admin"), Duration.ofHours(1));

        // native JSON
        assertThat(post("/v1/touchpoints", "application/json", Map.of(), ingest, """
                {"eventId":"n-1","accountKey":"native-co","type":"webinar.attended","source":"marketing",
                 "occurredAt":"%s","contact":{"email":"nina.native@native-co.example.com","name":"Nina Native",
                 "title":"Chief Financial Officer"}}""".formatted(NOW))).isEqualTo(202);
        // CloudEvents, structured and binary
        assertThat(post("/v1/touchpoints", "application/cloudevents+json", Map.of(), ingest, """
                {"specversion":"1.0","id":"ce-1","source":"https://marketo.example","type":"demo.requested",
                 "time":"%s","subject":"cloud-co","data":{"source":"marketing","contact":{
                 "email":"carl.cloud@cloud-co.example.com","name":"Carl Cloud","title":"Enterprise Architect"}}}"""
                .formatted(NOW))).isEqualTo(202);
        assertThat(post("/v1/touchpoints", "application/json", Map.of("ce-specversion", "1.0", "ce-id", "ce-2",
                "ce-source", "crm", "ce-type", "meeting.held", "ce-time", NOW.toString(), "ce-subject", "cloud-co"),
                ingest, """
                {"source":"sales","contact":{"email":"bea.binary@cloud-co.example.com","name":"Bea Binary",
                 "title":"Director of Operations"}}""")).isEqualTo(202);
        // Segment, with an API key of the sending system as the write key (HTTP Basic, empty password)
        JsonNode issued = EventJson.mapper().readTree(sendJson(uri("/v1/api-keys"), "Bearer " + admin,
                "{\"system\":\"segment\",\"label\":\"analytics.js\"}").body());
        String basic = "Basic " + Base64.getEncoder().encodeToString((issued.path("key").asText() + ":")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sendJson(uri("/v1/identify"), basic, """
                {"userId":"u-42","messageId":"s-id-1","timestamp":"%s","traits":{"email":"sam.segment@seg-co.example.com",
                 "name":"Sam Segment","title":"Chief Financial Officer"}}""".formatted(NOW)).statusCode()).isEqualTo(200);
        assertThat(sendJson(uri("/v1/group"), basic, """
                {"userId":"u-42","messageId":"s-grp-1","groupId":"seg-co","timestamp":"%s","traits":{"name":"Seg Co"}}"""
                .formatted(NOW)).statusCode()).isEqualTo(200);
        assertThat(sendJson(uri("/v1/track"), basic, """
                {"userId":"u-42","messageId":"s-trk-1","event":"Webinar Attended","timestamp":"%s",
                 "properties":{"campaign":"spring"}}""".formatted(NOW)).statusCode()).isEqualTo(200);
        // Kafka: one good raw record, one of an unknown tenant shape (no tenant header)
        String good = """
                {"eventId":"k-1","accountKey":"kafka-co","type":"content.downloaded","source":"marketing",
                 "occurredAt":"%s","contact":{"email":"kim.kafka@kafka-co.example.com","name":"Kim Kafka",
                 "title":"Head of Security"}}""".formatted(NOW);
        String kafkaRejectId = "k-bad-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> raw = new ProducerRecord<>(Topics.TOUCHPOINTS_RAW, tenant + "/kafka-co",
                    good);
            raw.headers().add(RawTouchpointRecords.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
            raw.headers().add(RawTouchpointRecords.SYSTEM, "warehouse".getBytes(StandardCharsets.UTF_8));
            producer.send(raw).get();
            ProducerRecord<String, String> bad = new ProducerRecord<>(Topics.TOUCHPOINTS_RAW, null,
                    "{\"eventId\":\"" + kafkaRejectId + "\",\"type\":\"Not A Type\"}");
            bad.headers().add(RawTouchpointRecords.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get();
        }

        String seller = platform.signingKey().token(tenant, Set.of("seller"), Duration.ofHours(1));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                committeeNames(seller, "native-co").contains("Nina Native")
                        && committeeNames(seller, "cloud-co").containsAll(List.of("Carl Cloud", "Bea Binary"))
                        && committeeNames(seller, "seg-co").contains("Sam Segment")
                        && committeeNames(seller, "kafka-co").contains("Kim Kafka"));

        try (KafkaTestClient kafka = new KafkaTestClient(platform.infrastructure().kafkaBootstrapServers())) {
            List<ConsumerRecord<String, String>> touchpoints = kafka.readToEnd(Topics.TOUCHPOINTS).stream()
                    .filter(record -> record.key() != null && record.key().startsWith(tenant + "/")).toList();
            assertThat(touchpoints).hasSizeGreaterThanOrEqualTo(5);
            for (ConsumerRecord<String, String> record : touchpoints) {
                String whole = KafkaTestClient.describe(record);
                for (String personal : List.of("native-co.example.com", "cloud-co.example.com", "seg-co.example.com",
                        "kafka-co.example.com", "Nina Native", "Carl Cloud", "Bea Binary", "Sam Segment",
                        "Kim Kafka")) {
                    assertThat(whole).as("a touchpoint record").doesNotContain(personal);
                }
            }
            List<ConsumerRecord<String, String>> rejected = kafka.readUntil(Topics.TOUCHPOINTS_REJECTED,
                    record -> record.value() != null && record.value().contains(kafkaRejectId), PATIENCE);
            ConsumerRecord<String, String> refused = rejected.stream()
                    .filter(record -> record.value() != null && record.value().contains(kafkaRejectId))
                    .findFirst().orElseThrow();
            assertThat(refused.headers().lastHeader(RawTouchpointRecords.REJECTED_REASON)).isNotNull();
            assertThat(refused.headers().lastHeader(RawTouchpointRecords.REJECTED_FIELD)).isNotNull();
        }
    }

    @Test
    void aRejectedRawRecordReplayedOnceFixedReachesTheCommittee() throws Exception {
        String tenant = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        // as ingest left it when it was refused: the raw record unchanged, plus why (here: a cause since fixed)
        ProducerRecord<String, String> rejected = new ProducerRecord<>(Topics.TOUCHPOINTS_REJECTED, null,
                tenant + "/replay-co", """
                {"eventId":"r-1","accountKey":"replay-co","type":"meeting.held","source":"sales","occurredAt":"%s",
                 "contact":{"email":"rita.replay@replay-co.example.com","name":"Rita Replay",
                 "title":"Chief Financial Officer"}}""".formatted(NOW));
        rejected.headers().add(RawTouchpointRecords.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
        rejected.headers().add(RawTouchpointRecords.REJECTED_REASON, "no-account".getBytes(StandardCharsets.UTF_8));
        rejected.headers().add(RawTouchpointRecords.REJECTED_FIELD, "/accountKey".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(rejected).get();
        }

        var replay = new dev.tandem.launcher.rejected.RejectedTouchpoints(platform.infrastructure()
                .kafkaBootstrapServers()).replay(new dev.tandem.launcher.rejected.RejectedTouchpoints.Filter(tenant,
                null));

        assertThat(replay.replayed()).isEqualTo(1);
        String seller = platform.signingKey().token(tenant, Set.of("seller"), Duration.ofHours(1));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                committeeNames(seller, "replay-co").contains("Rita Replay"));
    }

    private static List<String> committeeNames(String seller, String account) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(platform.baseUri(ServiceCatalog.DESIGNER)
                .resolve("/v1/accounts/" + account + "/journey")).header("Authorization", "Bearer " + seller)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        EventJson.mapper().readTree(response.body()).path("committee")
                .forEach(member -> names.add(member.path("name").asText()));
        return names;
    }

    private static int post(String path, String contentType, Map<String, String> headers, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.statusCode();
    }

    private static HttpResponse<String> sendJson(URI uri, String authorization, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type",
                "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + " " + response.body()).isBetween(200, 299);
        return response;
    }

    private static URI uri(String path) {
        return platform.baseUri(ServiceCatalog.INGEST).resolve(path);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
