package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** CloudEvents 1.0 over HTTP on POST /v1/touchpoints: structured, batch and binary modes. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class CloudEventsIngestTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static RequestSpecification as(String system) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token("dev", system, Set.of(Roles.INGEST), Duration.ofMinutes(10)));
    }

    private static String event(String id, String account) {
        return """
                {"specversion":"1.0","id":"%s","source":"https://marketo.example/acme",
                 "type":"com.example.marketing.webinar-attended","time":"2026-11-20T15:00:00Z","subject":"%s",
                 "datacontenttype":"application/json",
                 "data":{"source":"marketing","contact":{"email":"lee.park@northwind.com","name":"Lee Park",
                         "title":"CTO"}}}""".formatted(id, account);
    }

    private TouchpointV1 published(String eventId) {
        List<ConsumerRecord<String, String>> records =
                kafka.recordsContaining(Topics.TOUCHPOINTS, eventId, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).doesNotContainIgnoringCase("lee.park@northwind.com")
                .doesNotContain("Lee Park");
        return EventJson.read(records.get(0).value(), TouchpointV1.class);
    }

    @Test
    void aStructuredModeEventIsPublishedAsATouchpointFromItsAttributesAndData() {
        String id = "ce-" + UUID.randomUUID();
        String account = "ce-" + UUID.randomUUID();
        as("marketo").contentType("application/cloudevents+json; charset=UTF-8").body(event(id, account))
                .when().post("/v1/touchpoints")
                .then().statusCode(202).body("accepted", equalTo(1)).body("eventIds", equalTo(List.of(id)));

        TouchpointV1 touchpoint = published(id);
        assertThat(touchpoint.accountKey()).isEqualTo(account);
        // the configured mapping of the CloudEvent type (application.properties, test profile)
        assertThat(touchpoint.type()).isEqualTo("webinar.attended");
        assertThat(touchpoint.occurredAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(touchpoint.source()).isEqualTo(TouchpointSource.MARKETING);
        assertThat(touchpoint.sourceSystem()).isEqualTo("marketo");
        assertThat(touchpoint.contactKey()).startsWith("c_");
    }

    @Test
    void aBatchIsAnsweredPerEventAndPublishesItsValidOnes() {
        String account = "ce-" + UUID.randomUUID();
        String good = "ce-" + UUID.randomUUID();
        String noVersion = "ce-" + UUID.randomUUID();
        String badData = "ce-" + UUID.randomUUID();
        String body = "[" + event(good, account) + ","
                + event(noVersion, account).replace("\"specversion\":\"1.0\",", "") + ","
                + event(badData, account).replace("\"source\":\"marketing\"", "\"source\":\"radio\"") + "]";

        as("marketo").contentType("application/cloudevents-batch+json").body(body)
                .when().post("/v1/touchpoints")
                .then().statusCode(202)
                .body("items.status", equalTo(List.of("accepted", "rejected", "rejected")))
                .body("items[1].reason", equalTo("cloudevent"))
                .body("items[1].errors.field", equalTo(List.of("/1/specversion")))
                .body("items[2].reason", equalTo("schema"))
                .body("items[2].errors.field", equalTo(List.of("/2/data/source")));

        assertThat(published(good).accountKey()).isEqualTo(account);
        // the rejected ones are not on the log: sent after them, a sentinel of the account arrives alone
        String sentinel = "ce-" + UUID.randomUUID();
        as("marketo").contentType("application/cloudevents+json").body(event(sentinel, account))
                .when().post("/v1/touchpoints").then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> r.key().equals("dev/" + account)).hasSize(2);
    }

    @Test
    void aBatchEventOverTheSizeLimitIsRejectedAlone() {
        String account = "ce-" + UUID.randomUUID();
        String small = "ce-" + UUID.randomUUID();
        String big = event("ce-" + UUID.randomUUID(), account)
                .replace("\"data\":{", "\"data\":{\"properties\":{\"note\":\"" + "x".repeat(33_000) + "\"},");
        as("marketo").contentType("application/cloudevents-batch+json")
                .body("[" + event(small, account) + "," + big + "]")
                .when().post("/v1/touchpoints")
                .then().statusCode(202)
                .body("eventIds", equalTo(List.of(small)))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].reason", equalTo("too-large"))
                .body("items[1].errors.field", equalTo(List.of("/1")));
    }

    @Test
    void aBinaryModeEventTakesItsAttributesFromHeadersAndItsDataFromTheBody() {
        String id = "bin-" + UUID.randomUUID();
        String account = "ce-" + UUID.randomUUID();
        as("crm").contentType("application/json")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "https://crm.example")
                .header("ce-type", "meeting.held").header("ce-time", "2026-11-21T09:30:00Z")
                .header("ce-subject", account)
                .body("{\"source\":\"sales\",\"direction\":\"seller_initiated\"}")
                .when().post("/v1/touchpoints")
                .then().statusCode(202).body("eventIds", equalTo(List.of(id)));

        TouchpointV1 touchpoint = published(id);
        assertThat(touchpoint.type()).isEqualTo("meeting.held");
        assertThat(touchpoint.accountKey()).isEqualTo(account);
        assertThat(touchpoint.occurredAt()).isEqualTo(Instant.parse("2026-11-21T09:30:00Z"));
        assertThat(touchpoint.sourceSystem()).isEqualTo("crm");

        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(IngestAnswersTest.counter(scrape, "crm", "cloudevents", "accepted", "none")).isGreaterThan(0.0);
    }

    @Test
    void aBinaryModeEventWithoutARequiredAttributeIsRefusedNamingItsHeader() {
        as("crm").contentType("application/json")
                .header("ce-specversion", "1.0").header("ce-source", "https://crm.example")
                .header("ce-type", "meeting.held")
                .body("{\"source\":\"sales\",\"accountKey\":\"northwind\",\"occurredAt\":\"2026-11-21T09:30:00Z\"}")
                .when().post("/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("ce-id")));
    }

    @Test
    void aStructuredModeArrayIsRefusedAndAnotherMediaTypeIsUnsupported() {
        as("crm").contentType("application/cloudevents+json").body("[" + event("x", "northwind") + "]")
                .when().post("/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("application/cloudevents-batch+json"));
        as("crm").contentType("application/xml").body("<event/>")
                .when().post("/v1/touchpoints")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", endsWith("/unsupported-media-type"))
                .body("detail", containsString("application/cloudevents+json"));
    }
}
