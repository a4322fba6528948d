package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.ContactKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** tandem.touchpoints.raw.v1: valid records to the touchpoint log, invalid ones to the rejected topic, as the contract says. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class RawTouchpointTest {

    private final String bootstrap = TandemInfrastructureResource.infrastructure().kafkaBootstrapServers();
    private final KafkaTestClient kafka = new KafkaTestClient(bootstrap);
    private final RawRecords raw = new RawRecords(bootstrap);

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @AfterEach
    void close() {
        raw.close();
        kafka.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void validRecordsOfEachFormatArePublishedPseudonymisedAndInvalidOnesRejectedWithTheContractsHeaders() {
        String tenant = "raw-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "acct-" + UUID.randomUUID();
        String nativeId = "n-" + UUID.randomUUID();
        String binaryId = "b-" + UUID.randomUUID();
        String structuredId = "s-" + UUID.randomUUID();
        String badId = "x-" + UUID.randomUUID();
        Map<String, String> headers = RawRecords.tenantHeaders(tenant, "marketo");
        Map<String, String> binary = new HashMap<>(headers);
        binary.putAll(Map.of("ce_specversion", "1.0", "ce_id", binaryId, "ce_source", "crm", "ce_type",
                "meeting.held", "ce_time", "2026-11-21T10:00:00Z", "ce_subject", account));
        Map<String, String> noTenant = Map.of(RawTouchpointRecords.SYSTEM, "marketo", "trace", "t-1");
        String bad = "{\"eventId\":\"" + badId + "\",\"accountKey\":\"" + account
                + "\",\"type\":\"Not A Type\",\"source\":\"marketing\",\"occurredAt\":\"2026-11-20T15:00:00Z\"}";
        raw.sendAll(List.of(
                RawRecords.record(account, utf8("""
                        {"eventId":"%s","accountKey":"%s","type":"webinar.attended","source":"marketing",
                         "occurredAt":"2026-11-20T15:00:00Z","contact":{"email":"ivy@%s.com","name":"Ivy Chen",
                         "title":"CFO"}}""".formatted(nativeId, account, account)), headers),
                RawRecords.record(account, utf8("{\"source\":\"sales\"}"), binary),
                RawRecords.record(account, utf8("""
                        {"specversion":"1.0","id":"%s","source":"crm","type":"proposal.sent",
                         "time":"2026-11-22T10:00:00Z","subject":"%s","data":{"source":"sales"}}"""
                        .formatted(structuredId, account)), headers),
                // the same touchpoint again: a duplicate, dropped
                RawRecords.record(account, utf8("{\"source\":\"sales\"}"), binary),
                RawRecords.record("bad-key", utf8(bad), headers),
                RawRecords.record("no-tenant", utf8(bad.replace(badId, badId + "-nt")), noTenant),
                RawRecords.record("not-utf8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, headers)));
        raw.awaitConsumed(Duration.ofSeconds(60));

        List<ConsumerRecord<String, String>> touchpoints = kafka.readToEnd(Topics.TOUCHPOINTS).stream()
                .filter(r -> r.key() != null && r.key().startsWith(tenant + "/")).toList();
        assertThat(touchpoints).hasSize(3);
        assertThat(touchpoints).allSatisfy(r -> assertThat(r.value()).doesNotContain("ivy@").doesNotContain("Ivy Chen"));
        TouchpointV1 nativeOne = touchpoints.stream().map(r -> EventJson.read(r.value(), TouchpointV1.class))
                .filter(t -> t.eventId().equals(nativeId)).findFirst().orElseThrow();
        assertThat(nativeOne.sourceSystem()).isEqualTo("marketo");
        assertThat(nativeOne.contactKey()).isEqualTo(new ContactKeys("test-only-pseudonym-secret")
                .keyOf(tenant, "ivy@" + account + ".com"));
        assertThat(touchpoints).extracting(r -> EventJson.read(r.value(), TouchpointV1.class).type())
                .containsExactlyInAnyOrder("webinar.attended", "meeting.held", "proposal.sent");
        assertThat(kafka.readToEnd(Topics.CONTACTS)).anyMatch(r -> (tenant + "/" + nativeOne.contactKey())
                .equals(r.key()) && !r.value().contains("ivy@"));

        List<ConsumerRecord<String, String>> rejected = kafka.readToEnd(Topics.TOUCHPOINTS_REJECTED).stream()
                .filter(r -> tenant.equals(header(r, RawTouchpointRecords.TENANT))
                        || "t-1".equals(header(r, "trace")) && r.value().contains(badId))
                .toList();
        assertThat(rejected).hasSize(3);
        ConsumerRecord<String, String> schema = rejected.stream().filter(r -> "bad-key".equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(schema.value()).isEqualTo(bad);
        assertThat(header(schema, RawTouchpointRecords.REJECTED_REASON)).isEqualTo("schema");
        assertThat(header(schema, RawTouchpointRecords.REJECTED_FIELD)).isEqualTo("/type");
        assertThat(header(schema, RawTouchpointRecords.REJECTED_MESSAGE)).isNotBlank();
        assertThat(header(schema, RawTouchpointRecords.REJECTED_FROM)).startsWith(Topics.TOUCHPOINTS_RAW + "/");
        assertThat(header(schema, RawTouchpointRecords.REJECTED_AT)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(header(schema, RawTouchpointRecords.TENANT)).isEqualTo(tenant);
        assertThat(header(schema, RawTouchpointRecords.SYSTEM)).isEqualTo("marketo");
        ConsumerRecord<String, String> orphan = rejected.stream().filter(r -> "no-tenant".equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(header(orphan, RawTouchpointRecords.REJECTED_REASON)).isEqualTo("no-tenant");
        assertThat(header(orphan, RawTouchpointRecords.REJECTED_FIELD)).isEqualTo(RawTouchpointRecords.TENANT);
        assertThat(header(orphan, "trace")).isEqualTo("t-1");
        ConsumerRecord<String, String> garbled = rejected.stream().filter(r -> "not-utf8".equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(header(garbled, RawTouchpointRecords.REJECTED_REASON)).isEqualTo("malformed");
        assertThat(header(garbled, RawTouchpointRecords.REJECTED_FIELD)).isEmpty();

        String scrape = io.restassured.RestAssured.given().when().get(metrics).then().statusCode(200).extract()
                .asString();
        assertThat(scrape).containsPattern("tandem_ingest_touchpoints_total\\{[^}]*format=\"cloudevents\","
                + "outcome=\"duplicate\",path=\"kafka\",reason=\"none\",system=\"marketo\"}");
        assertThat(scrape).containsPattern("tandem_ingest_touchpoints_total\\{[^}]*outcome=\"rejected\","
                + "path=\"kafka\",reason=\"malformed\"");
    }
}
