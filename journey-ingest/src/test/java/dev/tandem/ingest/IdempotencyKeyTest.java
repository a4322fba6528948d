package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.ingest.repository.IdempotencyKeyEntity;
import dev.tandem.ingest.repository.IdempotencyKeyRepository;
import dev.tandem.ingest.service.IdempotencyService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /v1/touchpoints, kept in PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class IdempotencyKeyTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @Inject
    IdempotencyService idempotency;

    @Inject
    IdempotencyKeyRepository keys;

    private static Response post(String system, String key, String body) {
        String token = TandemInfrastructureResource.infrastructure().signingKey()
                .token("dev", system, Set.of(Roles.INGEST), Duration.ofMinutes(10));
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/v1/touchpoints");
    }

    private List<ConsumerRecord<String, String>> recordsOfAccountUpToSentinel(String account) {
        String sentinel = IngestAnswersTest.unique("sentinel");
        post("crm", IngestAnswersTest.unique("key"), IngestAnswersTest.touchpoint(sentinel, account))
                .then().statusCode(202);
        return kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20))
                .stream().filter(r -> r.key().equals("dev/" + account) && !r.value().contains(sentinel)).toList();
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAgainAndPublishNothingNew() {
        String account = IngestAnswersTest.unique("idem");
        String eventId = IngestAnswersTest.unique("evt");
        String key = UUID.randomUUID().toString();
        String body = "[" + IngestAnswersTest.touchpoint(eventId, account) + ",{\"eventId\":\"broken\"}]";

        Response first = post("crm", key, body);
        first.then().statusCode(202).body("accepted", equalTo(1)).body("rejected", equalTo(1));
        assertThat(first.header("Idempotent-Replayed")).isNull();

        // quoted as a structured-field string, it is the same key
        Response again = post("crm", "\"" + key + "\"", body);
        again.then().statusCode(202).header("Idempotent-Replayed", "true");
        // the first answer, not a new one: a new one would call the resent item a duplicate
        assertThat(again.asString()).isEqualTo(first.asString());

        assertThat(recordsOfAccountUpToSentinel(account)).filteredOn(r -> r.value().contains(eventId)).hasSize(1);
    }

    @Test
    void anAnswerThatRefusedEveryItemIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        Response first = post("crm", key, "{\"eventId\":\"only\"}");
        first.then().statusCode(400).contentType("application/problem+json");
        Response again = post("crm", key, "{\"eventId\":\"only\"}");
        again.then().statusCode(400).contentType("application/problem+json").header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndPublishesNothing() {
        String account = IngestAnswersTest.unique("idem");
        String key = UUID.randomUUID().toString();
        String other = IngestAnswersTest.unique("evt");
        post("crm", key, IngestAnswersTest.touchpoint(IngestAnswersTest.unique("evt"), account))
                .then().statusCode(202);

        post("crm", key, IngestAnswersTest.touchpoint(other, account)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", endsWith("/idempotency-key-reused"));
        // the key is the sending system's: another system may use the same one
        post("marketo", key, IngestAnswersTest.touchpoint(other, account)).then().statusCode(202)
                .body("accepted", equalTo(1));

        assertThat(recordsOfAccountUpToSentinel(account))
                .filteredOn(r -> r.value().contains(other) && r.value().contains("\"sourceSystem\":\"crm\""))
                .isEmpty();
    }

    @Test
    void aRequestThatFailedWholeGivesItsKeyUpSoItsRetryIsProcessed() {
        String key = UUID.randomUUID().toString();
        post("crm", key, "{\"eventId\": ").then().statusCode(400);
        String account = IngestAnswersTest.unique("idem");
        // a malformed body is not an answer worth replaying: the fixed request with the same key is processed
        post("crm", key, IngestAnswersTest.touchpoint(IngestAnswersTest.unique("evt"), account))
                .then().statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void ofConcurrentRequestsWithOneKeyOneIsProcessedAndEachOtherIsInFlightOrTheSameAnswer() throws Exception {
        String account = IngestAnswersTest.unique("race");
        String key = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            String id = IngestAnswersTest.unique("evt");
            ids.add(id);
            body.append(i == 0 ? "" : ",").append(IngestAnswersTest.touchpoint(id, account));
        }
        String request = body.append("]").toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                start.await();
                return post("crm", key, request);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Response> processed = answers.stream()
                .filter(a -> a.statusCode() == 202 && a.header("Idempotent-Replayed") == null).toList();
        assertThat(processed).hasSize(1);
        assertThat(processed.get(0).jsonPath().getInt("accepted")).isEqualTo(50);
        for (Response answer : answers) {
            if (answer.statusCode() == 409) {
                assertThat(answer.jsonPath().getString("type")).endsWith("/idempotency-key-in-flight");
                assertThat(answer.header("Retry-After")).isEqualTo("1");
            } else {
                assertThat(answer.statusCode()).isEqualTo(202);
                assertThat(answer.asString()).isEqualTo(processed.get(0).asString());
            }
        }
        assertThat(recordsOfAccountUpToSentinel(account)).hasSize(50);
    }

    @Test
    void anUnusableKeyIsAProblem() {
        post("crm", "x".repeat(256), IngestAnswersTest.touchpoint(IngestAnswersTest.unique("evt"), "northwind"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void theCleanupDeletesExpiredKeysAndKeepsLiveOnes() throws Throwable {
        String live = UUID.randomUUID().toString();
        post("crm", live, IngestAnswersTest.touchpoint(IngestAnswersTest.unique("evt"), IngestAnswersTest.unique("idem")))
                .then().statusCode(202);
        String expired = UUID.randomUUID().toString();
        Instant longAgo = Instant.parse("2025-01-01T00:00:00Z");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> keys.claim("dev", "crm", expired,
                "0".repeat(64), longAgo, longAgo.plus(Duration.ofDays(1)), longAgo)));

        long deleted = VertxContextSupport.subscribeAndAwait(() -> idempotency.deleteExpired());

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(VertxContextSupport.<IdempotencyKeyEntity>subscribeAndAwait(() -> Panache.withSession(
                () -> keys.findKey("dev", "crm", expired)))).isNull();
        assertThat(VertxContextSupport.<IdempotencyKeyEntity>subscribeAndAwait(() -> Panache.withSession(
                () -> keys.findKey("dev", "crm", live)))).isNotNull();
    }
}
