package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.ContactKeys;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Segment-spec calls on /v1/track, /v1/page, /v1/identify, /v1/group and /v1/batch, end to end on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class SegmentIngestTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static String token(String tenant, String system, String role) {
        return TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, system, Set.of(role), Duration.ofMinutes(10));
    }

    /** A write key: a Tandem API key issued for the tenant's system. */
    private static String writeKey(String tenant, String system) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                        .token(tenant, Set.of(Roles.ADMIN), Duration.ofMinutes(10)))
                .contentType(ContentType.JSON).body("{\"system\":\"" + system + "\",\"label\":\"segment\"}")
                .when().post("/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    /** How Segment's libraries send the write key: HTTP Basic, the key as user name, no password. */
    private static RequestSpecification segment(String writeKey) {
        return given().auth().preemptive().basic(writeKey, "").contentType(ContentType.JSON);
    }

    private static RequestSpecification hubspotOfDev() {
        return given().auth().oauth2(token("dev", "hubspot", Roles.INGEST)).contentType(ContentType.JSON);
    }

    private ConsumerRecord<String, String> onlyRecord(String topic, String text) {
        List<ConsumerRecord<String, String>> records = kafka.recordsContaining(topic, text, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void identifyGroupAndTrackMakeATouchpointWithTheUsersAccountAndContactKeyButNoPersonalData() {
        String tenant = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        String key = writeKey(tenant, "hubspot");
        String user = "user-" + UUID.randomUUID();
        String account = "acct-" + UUID.randomUUID();
        String email = "mia.lopez@" + account + ".com";
        String track = "m-" + UUID.randomUUID();

        segment(key).body("""
                {"type":"identify","userId":"%s","messageId":"m-%s","timestamp":"2026-11-20T09:00:00Z",
                 "traits":{"email":"%s","name":"Mia Lopez","title":"VP Finance"}}""".formatted(user, UUID.randomUUID(),
                        email))
                .when().post("/v1/identify")
                .then().statusCode(200).body("success", equalTo(true)).body("items[0].status", equalTo("accepted"));
        segment(key).body("""
                {"userId":"%s","groupId":"%s","messageId":"m-%s","traits":{"name":"Northwind"}}"""
                        .formatted(user, account, UUID.randomUUID()))
                .when().post("/v1/group")
                .then().statusCode(200).body("success", equalTo(true)).body("accepted", equalTo(1));
        segment(key).body("""
                {"userId":"%s","event":"Webinar Attended","messageId":"%s","timestamp":"2026-11-20T15:00:00Z",
                 "properties":{"webinar":"Q4 roadmap"},"context":{"campaign":{"name":"q4-launch"}}}"""
                        .formatted(user, track))
                .when().post("/v1/track")
                .then().statusCode(200).body("success", equalTo(true))
                .body("eventIds", equalTo(List.of(track))).body("items[0].status", equalTo("accepted"));

        ConsumerRecord<String, String> record = onlyRecord(Topics.TOUCHPOINTS, track);
        assertThat(record.value()).doesNotContainIgnoringCase(email).doesNotContain("Mia Lopez")
                .doesNotContain("VP Finance").doesNotContain(user);
        TouchpointV1 touchpoint = EventJson.read(record.value(), TouchpointV1.class);
        String contactKey = new ContactKeys("test-only-pseudonym-secret").keyOf(tenant, email);
        assertThat(touchpoint.tenantId()).isEqualTo(tenant);
        assertThat(touchpoint.accountKey()).isEqualTo(account);
        assertThat(touchpoint.contactKey()).isEqualTo(contactKey);
        assertThat(touchpoint.contactTitle()).startsWith("pii1.");
        assertThat(touchpoint.type()).isEqualTo("webinar.attended");
        assertThat(touchpoint.sourceSystem()).isEqualTo("hubspot");
        assertThat(touchpoint.occurredAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(touchpoint.properties()).containsEntry("webinar", "Q4 roadmap").containsEntry("campaign",
                "q4-launch");

        // identify published the contact's profile, sealed: the key names it, the value holds no plaintext
        ConsumerRecord<String, String> profileRecord = kafka.readUntil(Topics.CONTACTS,
                r -> (tenant + "/" + contactKey).equals(r.key()), Duration.ofSeconds(20)).stream()
                .filter(r -> (tenant + "/" + contactKey).equals(r.key())).findFirst().orElseThrow();
        assertThat(profileRecord.value()).doesNotContainIgnoringCase(email).doesNotContain("Mia Lopez");
        ContactProfileV1 profile = EventJson.read(profileRecord.value(), ContactProfileV1.class);
        assertThat(profile.email()).isNotNull().isNotEqualTo(email);
    }

    @Test
    void aMixedBatchPublishesExactlyItsValidMessagesAndAnswersEachWithPointersIntoTheBody() {
        String account = "acct-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String[] ids = IntStream.range(0, 7).mapToObj(i -> "b" + i + "-" + UUID.randomUUID()).toArray(String[]::new);
        hubspotOfDev().body("""
                {"batch":[
                  {"type":"identify","userId":"%1$s","messageId":"%2$s","traits":{"email":"kai@%3$s.com","title":"CTO"}},
                  {"type":"track","userId":"%1$s","event":"Demo Requested","messageId":"%4$s",
                   "timestamp":"2026-11-21T10:00:00Z","context":{"groupId":"%3$s"}},
                  {"type":"track","userId":"%1$s","event":"Clicked!!","messageId":"%5$s"},
                  {"type":"page","userId":"%1$s","name":"Pricing","messageId":"%6$s",
                   "properties":{"path":"/pricing","accountKey":"%3$s"}},
                  {"type":"alias","userId":"%1$s","messageId":"%7$s"},
                  {"type":"track","userId":"%1$s","event":"Webinar Attended","messageId":"%8$s",
                   "timestamp":"not a time","context":{"groupId":"%3$s"}},
                  {"type":"screen","userId":"%1$s","name":"Order history","messageId":"%9$s",
                   "properties":{"accountKey":"%3$s"}}],
                 "sentAt":"2026-11-21T10:00:05Z"}"""
                        .formatted(user, ids[0], account, ids[1], ids[2], ids[3], "a-" + ids[4], ids[5], ids[6]))
                .when().post("/v1/batch")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("success", equalTo(true))
                .body("accepted", equalTo(4)).body("rejected", equalTo(3))
                .body("items.status", equalTo(List.of("accepted", "accepted", "rejected", "accepted", "rejected",
                        "rejected", "accepted")))
                .body("items[2].reason", equalTo("unmapped-event"))
                .body("items[2].errors[0].field", equalTo("/batch/2/event"))
                .body("items[4].reason", equalTo("segment"))
                .body("items[4].errors[0].field", equalTo("/batch/4/type"))
                .body("items[5].reason", equalTo("schema"))
                .body("items[5].errors.field", hasItem("/batch/5/timestamp"));

        TouchpointV1 demo = EventJson.read(onlyRecord(Topics.TOUCHPOINTS, ids[1]).value(), TouchpointV1.class);
        // the configured mapping of this tenant's system, and the contact identified earlier in the batch
        assertThat(demo.type()).isEqualTo("demo.requested");
        assertThat(demo.accountKey()).isEqualTo(account);
        assertThat(demo.contactKey()).isEqualTo(new ContactKeys("test-only-pseudonym-secret")
                .keyOf("dev", "kai@" + account + ".com"));
        TouchpointV1 page = EventJson.read(onlyRecord(Topics.TOUCHPOINTS, ids[3]).value(), TouchpointV1.class);
        assertThat(page.type()).isEqualTo("web.visited");
        assertThat(page.properties()).containsEntry("name", "Pricing");
        // no timestamp: the batch's sentAt
        assertThat(page.occurredAt()).isEqualTo(Instant.parse("2026-11-21T10:00:05Z"));
        // a screen of an app: the screen type (this system configures only its page type)
        TouchpointV1 screen = EventJson.read(onlyRecord(Topics.TOUCHPOINTS, ids[6]).value(), TouchpointV1.class);
        assertThat(screen.type()).isEqualTo("screen.viewed");
        assertThat(screen.properties()).containsEntry("name", "Order history");
        List<ConsumerRecord<String, String>> all = kafka.readToEnd(Topics.TOUCHPOINTS);
        for (String rejected : List.of(ids[0], ids[2], ids[4], ids[5])) {
            assertThat(all).noneMatch(r -> r.value() != null && r.value().contains(rejected));
        }
    }

    @Test
    void everyMessageRejectedIsA400ProblemNamingTheField() {
        hubspotOfDev().body("{\"userId\":\"u\",\"event\":\"Clicked!!\",\"messageId\":\"m-" + UUID.randomUUID() + "\"}")
                .when().post("/v1/track")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-input"))
                .body("errors[0].field", equalTo("/event"));
        hubspotOfDev().body("{\"messageId\":\"m-1\",\"traits\":{\"name\":\"No Email\"}}")
                .when().post("/v1/identify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/userId"));
        hubspotOfDev().body("{\"batch\":[]}").when().post("/v1/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void limitsMediaTypesAndCredentialsAreThoseOfTouchpoints() {
        hubspotOfDev().contentType("text/plain").body("{}").when().post("/v1/track")
                .then().statusCode(415).contentType("application/problem+json");
        String tooMany = "{\"batch\":[" + String.join(",", IntStream.range(0, 501).mapToObj(i ->
                "{\"type\":\"track\",\"event\":\"Webinar Attended\",\"messageId\":\"m" + i + "\"}").toList()) + "]}";
        hubspotOfDev().body(tooMany).when().post("/v1/batch")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/track").then().statusCode(401);
        given().auth().oauth2(token("dev", "hubspot", Roles.SELLER)).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/track").then().statusCode(403);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String id = "idem-" + UUID.randomUUID();
        String body = "{\"userId\":\"u\",\"event\":\"Webinar Attended\",\"messageId\":\"" + id
                + "\",\"properties\":{\"accountKey\":\"northwind\"}}";
        String first = hubspotOfDev().header("Idempotency-Key", id).body(body).when().post("/v1/track")
                .then().statusCode(200).body("accepted", equalTo(1)).extract().asString();
        hubspotOfDev().header("Idempotency-Key", id).body(body).when().post("/v1/track")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(first));
        // without the key the resend is a duplicate, not published again
        hubspotOfDev().body(body).when().post("/v1/track")
                .then().statusCode(200).body("duplicates", equalTo(1)).body("items[0].status", equalTo("duplicate"));
        assertThat(kafka.recordsContaining(Topics.TOUCHPOINTS, id, Duration.ofSeconds(20))).hasSize(1);
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(IngestAnswersTest.counter(scrape, "hubspot", "segment", "accepted", "none")).isPositive();
        assertThat(scrape).contains("path=\"http\"");
    }

    @Test
    void anIdentifiedUsersLaterTrackCarriesTheContactKeyAndItsTitleSealed() {
        String user = "later-" + UUID.randomUUID();
        String track = "t-" + UUID.randomUUID();
        hubspotOfDev().body("{\"anonymousId\":\"" + user + "\",\"messageId\":\"i-" + UUID.randomUUID()
                        + "\",\"traits\":{\"email\":\"zoe@globex.com\",\"title\":\"Head of IT\"}}")
                .when().post("/v1/identify").then().statusCode(200);
        // globex.com names the account globex-logistics in the test profile; the track names neither
        hubspotOfDev().body("{\"anonymousId\":\"" + user + "\",\"event\":\"Webinar Attended\",\"messageId\":\""
                        + track + "\",\"properties\":{\"accountKey\":\"globex-logistics\"}}")
                .when().post("/v1/track").then().statusCode(200).body("accepted", equalTo(1));
        ConsumerRecord<String, String> record = onlyRecord(Topics.TOUCHPOINTS, track);
        assertThat(record.value()).doesNotContain("zoe@globex.com").doesNotContain("Head of IT");
        TouchpointV1 touchpoint = EventJson.read(record.value(), TouchpointV1.class);
        assertThat(touchpoint.contactKey()).isEqualTo(new ContactKeys("test-only-pseudonym-secret")
                .keyOf("dev", "zoe@globex.com"));
        // sealed under the contact's data key, as identify stored it (pii1.<keyId>.…)
        assertThat(touchpoint.contactTitle()).startsWith("pii1.");
    }

    @Test
    void anErasedContactIsNoLongerCarriedByItsUsersLaterTracks() {
        String tenant = "seg-erase-" + UUID.randomUUID().toString().substring(0, 8);
        String key = writeKey(tenant, "hubspot");
        String user = "user-" + UUID.randomUUID();
        segment(key).body("{\"userId\":\"" + user + "\",\"messageId\":\"i-" + UUID.randomUUID()
                        + "\",\"traits\":{\"email\":\"lee@northwind.com\",\"title\":\"CTO\"}}")
                .when().post("/v1/identify").then().statusCode(200);
        given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                        .token(tenant, Set.of(Roles.ADMIN), Duration.ofMinutes(10)))
                .contentType(ContentType.JSON).body("{\"email\":\"lee@northwind.com\"}")
                .when().post("/v1/erasures").then().statusCode(202);
        String track = "after-" + UUID.randomUUID();
        segment(key).body("{\"userId\":\"" + user + "\",\"event\":\"Webinar Attended\",\"messageId\":\"" + track
                        + "\",\"properties\":{\"accountKey\":\"northwind\"}}")
                .when().post("/v1/track").then().statusCode(200).body("accepted", equalTo(1));
        TouchpointV1 touchpoint = EventJson.read(onlyRecord(Topics.TOUCHPOINTS, track).value(), TouchpointV1.class);
        assertThat(touchpoint.contactKey()).isNull();
        assertThat(touchpoint.contactTitle()).isNull();
    }
}
