package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Per-item answers of POST /v1/touchpoints: a mixed batch publishes exactly its valid items and names what is wrong
 * with the others by JSON Pointer; a resent id is a duplicate and is not published again; the metrics count each
 * item by system, format, outcome and reason.
 */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class IngestAnswersTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    static String touchpoint(String eventId, String account) {
        return """
                {"eventId":"%s","accountKey":"%s","type":"web.visited","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z","contact":{"email":"ana.ruiz@northwind.com","name":"Ana Ruiz"}}"""
                .formatted(eventId, account);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static Response post(String system, String body) {
        String token = TandemInfrastructureResource.infrastructure().signingKey()
                .token("dev", system, Set.of(Roles.INGEST), Duration.ofMinutes(10));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/v1/touchpoints");
    }

    /** The event ids on the touchpoint log for the account, in log order, once the sentinel (sent last) is there. */
    private List<String> publishedFor(String system, String account) {
        String sentinel = unique("sentinel");
        post(system, touchpoint(sentinel, account)).then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20));
        assertThat(records).anyMatch(r -> r.value().contains(sentinel));
        return records.stream().filter(r -> r.key().equals("dev/" + account))
                .map(r -> EventJson.read(r.value(), TouchpointV1.class))
                .filter(t -> system.equals(t.sourceSystem()))
                .map(TouchpointV1::eventId)
                .filter(id -> !id.equals(sentinel))
                .toList();
    }

    @Test
    void aMixedBatchPublishesExactlyItsValidItemsAndAnswersEachWithPointers() {
        String account = unique("mixed");
        String ok0 = unique("ok");
        String badType = unique("bad");
        String future = unique("future");
        String ok3 = unique("ok");
        String body = "[" + touchpoint(ok0, account) + ","
                + touchpoint(badType, account).replace("web.visited", "Web Visited") + ","
                + touchpoint(future, account).replace("2026-11-20T10:15:30Z",
                        Instant.now().plus(Duration.ofDays(2)).toString()) + ","
                + touchpoint(ok3, account) + ","
                + "42]";

        post("crm", body).then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(3))
                .body("eventIds", equalTo(List.of(ok0, ok3)))
                .body("items.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("items.status", equalTo(List.of("accepted", "rejected", "rejected", "accepted", "rejected")))
                .body("items[0].errors", nullValue())
                .body("items[1].eventId", equalTo(badType))
                .body("items[1].reason", equalTo("schema"))
                .body("items[1].errors.field", equalTo(List.of("/1/type")))
                .body("items[2].reason", equalTo("future-time"))
                .body("items[2].errors.field", equalTo(List.of("/2/occurredAt")))
                .body("items[4].reason", equalTo("schema"))
                .body("items[4].errors.field", equalTo(List.of("/4")));

        assertThat(publishedFor("crm", account)).containsExactly(ok0, ok3);
    }

    @Test
    void aResentIdIsADuplicateAndIsNotPublishedAgainWhileAnotherSystemsSameIdIs() {
        String account = unique("dupes");
        String first = unique("evt");
        String second = unique("evt");
        post("crm", touchpoint(first, account)).then().statusCode(202).body("accepted", equalTo(1));

        // resent alone: answered duplicate, still 202
        post("crm", touchpoint(first, account)).then().statusCode(202)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1))
                .body("items[0].status", equalTo("duplicate")).body("items[0].eventId", equalTo(first));
        // resent in a batch, with a new id sent twice: the second occurrence is a duplicate too
        post("crm", "[" + touchpoint(first, account) + "," + touchpoint(second, account) + ","
                + touchpoint(second, account) + "]").then().statusCode(202)
                .body("items.status", equalTo(List.of("duplicate", "accepted", "duplicate")))
                .body("eventIds", equalTo(List.of(second)));
        // the same event id from another system is another touchpoint
        post("marketo", touchpoint(first, account)).then().statusCode(202).body("accepted", equalTo(1));

        assertThat(publishedFor("crm", account)).containsExactly(first, second);
        assertThat(publishedFor("marketo", account)).containsExactly(first);
    }

    @Test
    void theCounterMovesByItemWithSystemFormatOutcomeAndReasonTags() {
        String system = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        String account = unique("metrics");
        String resent = unique("evt");
        post(system, touchpoint(resent, account)).then().statusCode(202);
        post(system, "[" + touchpoint(resent, account) + "," + touchpoint(unique("evt"), account) + ","
                + touchpoint(unique("evt"), account).replace("\"accountKey\":\"" + account + "\",", "")
                        .replace("northwind.com", "gmail.com") + "]")
                .then().statusCode(202);
        post(system, "{\"eventId\":\"x\"}").then().statusCode(400);

        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(counter(scrape, system, "native", "accepted", "none")).isEqualTo(2.0);
        assertThat(counter(scrape, system, "native", "duplicate", "none")).isEqualTo(1.0);
        assertThat(counter(scrape, system, "native", "rejected", "no-account")).isEqualTo(1.0);
        assertThat(counter(scrape, system, "native", "rejected", "schema")).isEqualTo(1.0);
        // no email, name or event id in any tag
        assertThat(scrape).doesNotContain(resent).doesNotContain("gmail.com");
    }

    @Test
    void everyRejectedItemIsListedInOneProblemWhenNoneIsAccepted() {
        post("crm", "[{\"eventId\":\"a\"},{\"type\":\"web.visited\"}]").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-input"))
                .body("errors.field", hasItems("/0/type", "/0/source", "/0/occurredAt", "/1/eventId"));
    }

    /** The value of the counter with these tags in a Prometheus scrape, 0 when it is not there. */
    static double counter(String scrape, String system, String format, String outcome, String reason) {
        Pattern line = Pattern.compile("^tandem_ingest_touchpoints_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        double sum = 0;
        while (matcher.find()) {
            String tags = matcher.group(1);
            if (tags.contains("system=\"" + system + "\"") && tags.contains("format=\"" + format + "\"")
                    && tags.contains("outcome=\"" + outcome + "\"") && tags.contains("reason=\"" + reason + "\"")) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }
}
