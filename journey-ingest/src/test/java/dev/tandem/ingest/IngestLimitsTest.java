package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The limits of POST /v1/touchpoints: per-tenant rate limit (429), sizes (413), field lengths (400), media type
 * (415). The test profile gives tenants {@code small-quota} (burst 5) and {@code tiny-quota} (burst 4) buckets that
 * barely refill (0.01 and 0.001 touchpoints per second), so what a test spends stays spent while it runs.
 */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class IngestLimitsTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @TestHTTPResource("/v1/touchpoints")
    URI touchpoints;

    private static String token(String tenant) {
        return TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(Roles.INGEST), Duration.ofMinutes(10));
    }

    private static String touchpoint(String eventId, String account) {
        return """
                {"eventId":"%s","accountKey":"%s","type":"web.visited","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z"}""".formatted(eventId, account);
    }

    private static String arrayOf(List<String> eventIds, String account) {
        return eventIds.stream().map(id -> touchpoint(id, account)).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> uniqueIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "evt-" + UUID.randomUUID()).toList();
    }

    private static Response post(String tenant, String body) {
        return given().auth().oauth2(token(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/touchpoints");
    }

    @Test
    void aRequestPastTheTenantsBurstIsRefusedWholeWithRetryAfterAndNothingOfItIsPublished() {
        String account = "quota-" + UUID.randomUUID();
        post("small-quota", arrayOf(uniqueIds(3), account)).then().statusCode(202);

        double throttledBefore = throttled();
        List<String> refused = uniqueIds(3);
        Response answer = post("small-quota", arrayOf(refused, account));
        answer.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", endsWith("/rate-limited"));
        // two tokens left, three wanted, refilling at 0.01 per second: the missing one takes up to 100 s
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 100L);
        assertThat(throttled() - throttledBefore).isEqualTo(3.0);

        // the refused request took none of the two tokens left; a later touchpoint of the account fits in them
        String sentinel = "evt-" + UUID.randomUUID();
        post("small-quota", touchpoint(sentinel, account)).then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20));
        assertThat(records).anyMatch(r -> r.value().contains(sentinel));
        assertThat(records).noneMatch(r -> refused.stream().anyMatch(id -> r.value().contains(id)));
    }

    @TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    /** Touchpoints of the tokens' system ({@code default}) refused by a rate limit so far. */
    private double throttled() {
        String scrape = given().when().get(metrics).then().statusCode(200).extract().asString();
        return IngestAnswersTest.counter(scrape, "default", "native", "throttled", "rate-limit");
    }

    @Test
    void aTenantOverItsQuotaDoesNotHoldUpAnotherPostingAtTheSameTime() throws Exception {
        String limited = "tiny-quota";
        String other = "dev";
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (String tenant : List.of(limited, other)) {
                String body = touchpoint("evt-" + UUID.randomUUID(), "iso-" + tenant);
                requests.add(() -> tenant + " " + post(tenant, body).statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> outcome : pool.invokeAll(requests)) {
                outcomes.add(outcome.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // exactly the burst of the limited tenant got through, however the requests interleaved
        assertThat(outcomes).filteredOn(o -> o.startsWith(limited + " "))
                .containsOnly(limited + " 202", limited + " 429")
                .filteredOn(o -> o.endsWith(" 202")).hasSize(4);
        assertThat(outcomes).filteredOn(o -> o.startsWith(other + " ")).hasSize(12).containsOnly(other + " 202");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() {
        // not even JSON: parsed, it would be a 400
        String body = "[" + "x".repeat(1_100_000);
        post("dev", body).then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", endsWith("/too-large"))
                .body("detail", containsString("1048576"));
    }

    @Test
    void aBodyStreamedWithoutContentLengthIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] body = ("[" + "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(touchpoints)
                .header("Authorization", "Bearer " + token("dev"))
                .header("Content-Type", "application/json")
                // an input stream of unknown length goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":413");
    }

    @Test
    void moreTouchpointsThanTheBatchLimitAreRefusedNamingTheLimit() {
        post("dev", arrayOf(uniqueIds(501), "batch-" + UUID.randomUUID())).then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("at most 500 touchpoints"));
    }

    @Test
    void aTouchpointOverTheEventSizeLimitIsRejectedAloneNamedByItsPointer() {
        String account = "big-" + UUID.randomUUID();
        String note = "x".repeat(4000);
        String properties = IntStream.range(0, 9).mapToObj(i -> "\"note" + i + "\":\"" + note + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        String big = touchpoint("evt-" + UUID.randomUUID(), account)
                .replace("\"source\":", "\"properties\":" + properties + ",\"source\":");
        String small = "evt-" + UUID.randomUUID();
        post("dev", "[" + touchpoint(small, account) + "," + big + "]").then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("eventIds", equalTo(List.of(small)))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].reason", equalTo("too-large"))
                .body("items[1].errors.field", equalTo(List.of("/1")))
                .body("items[1].errors[0].message", containsString("32768"));
        // alone, the same touchpoint makes the request too large
        post("dev", big).then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("")))
                .body("detail", containsString("32768"));
    }

    @Test
    void overlongAndTooDeeplyNestedFieldsAreNamedByTheirPointers() {
        String body = """
                {"eventId":"evt-long","accountKey":"northwind","type":"web.visited","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z",
                 "contact":{"email":"ana@northwind.example","name":"%s"},
                 "properties":{"note":"%s","a":{"b":{"c":{"d":{"e":{"f":1}}}}}}}"""
                .formatted("n".repeat(201), "p".repeat(4097));
        post("dev", body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("/contact/name", "/properties/note", "/properties/a/b/c/d/e"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsAnUnsupportedMediaType() {
        given().auth().oauth2(token("dev")).contentType(ContentType.TEXT)
                .body(touchpoint("evt-" + UUID.randomUUID(), "northwind"))
                .when().post("/v1/touchpoints")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("detail", containsString("application/json"));
    }

    @Test
    void theOpenApiDocumentStatesTheLimitsAnswers() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/touchpoints'.post.responses.keySet()",
                        hasItems("202", "400", "409", "413", "415", "422", "429"))
                .body("paths.'/v1/touchpoints'.post.requestBody.content.keySet()", hasItems("application/json",
                        "application/cloudevents+json", "application/cloudevents-batch+json"))
                .body("paths.'/v1/touchpoints'.post.parameters.name", hasItems("Idempotency-Key", "ce-specversion"))
                .body("paths.'/v1/touchpoints'.post.responses.'202'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/v1/touchpoints'.post.responses.'429'.headers.'Retry-After'", notNullValue())
                .body("paths.'/v1/touchpoints'.post.responses.'413'.content.keySet()",
                        hasItem("application/problem+json"));
    }
}
