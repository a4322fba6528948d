package dev.tandem.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI projection end to end: real records on the real broker, the real consumer, the MongoDB wire server, the
 * HTTP API. Every test uses its own accounts. One account's events share a partition and are applied in order,
 * so once the last event of a test is visible every event before it was handled, including those that must
 * change nothing.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class KpiProjectionTest {

    private static final String TENANT = "dev";

    /** A request with a analyst token of the test's tenant, signed with the key the service trusts. */
    private static io.restassured.specification.RequestSpecification asTenantUser() {
        return given().auth().oauth2(dev.tandem.infra.TandemInfrastructureResource.infrastructure().signingKey()
                .token(TENANT, java.util.Set.of("analyst"), java.time.Duration.ofMinutes(30)));
    }
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());


    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void everyKindOfEventMovesTheAccountsCounts() throws Exception {
        String account = unique("acme");
        send(event(account, 1, new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION,
                RoleSource.INFERRED)));
        send(event(account, 2, touchpoint(TouchpointSource.MARKETING)));
        send(event(account, 3, touchpoint(TouchpointSource.SALES)));
        send(event(account, 4, new JourneyEventV1.RoleAssigned("c1", CommitteeRole.CHAMPION,
                CommitteeRole.ECONOMIC_BUYER, RoleSource.ASSIGNED)));
        send(event(account, 5, new JourneyEventV1.CommitteeMemberAdded("c2", CommitteeRole.END_USER,
                RoleSource.INFERRED)));
        send(event(account, 6, new JourneyEventV1.MomentumShifted(0, 42)));

        awaitAccount(account, 6);
        kpis(account)
                .body("touchpointCount", equalTo(2))
                .body("touchpointsBySource.marketing", equalTo(1))
                .body("touchpointsBySource.sales", equalTo(1))
                .body("touchpointsBySource.partner", equalTo(0))
                .body("committeeMembersByRole.champion", equalTo(0))
                .body("committeeMembersByRole.economic_buyer", equalTo(1))
                .body("committeeMembersByRole.end_user", equalTo(1))
                .body("momentum", equalTo(42));
    }

    @Test
    void duplicatesAreNotCountedTwice() throws Exception {
        String account = unique("globex");
        JourneyEventV1 first = event(account, 1, touchpoint(TouchpointSource.MARKETING));
        JourneyEventV1 second = event(account, 2, touchpoint(TouchpointSource.MARKETING));
        send(first);
        send(second);
        send(second);
        send(first);
        send(event(account, 3, touchpoint(TouchpointSource.PARTNER)));

        awaitAccount(account, 3);
        kpis(account)
                .body("touchpointCount", equalTo(3))
                .body("touchpointsBySource.marketing", equalTo(2))
                .body("touchpointsBySource.partner", equalTo(1));
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneChangesNothing() throws Exception {
        String account = unique("initech");
        send(event(account, 1, new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION,
                RoleSource.INFERRED)));
        send(event(account, 2, touchpoint(TouchpointSource.SALES)));
        send(event(account, 3, new JourneyEventV1.RoleAssigned("c1", CommitteeRole.CHAMPION, CommitteeRole.BLOCKER,
                RoleSource.ASSIGNED)));
        // late, conflicting versions 2 and 1: a role move back and a product touchpoint
        send(event(account, 2, new JourneyEventV1.RoleAssigned("c1", CommitteeRole.BLOCKER, CommitteeRole.CHAMPION,
                RoleSource.ASSIGNED)));
        send(event(account, 1, touchpoint(TouchpointSource.PRODUCT)));
        send(event(account, 4, touchpoint(TouchpointSource.MARKETING)));

        awaitAccount(account, 4);
        kpis(account)
                .body("committeeMembersByRole.blocker", equalTo(1))
                .body("committeeMembersByRole.champion", equalTo(0))
                .body("touchpointsBySource.product", equalTo(0))
                .body("touchpointsBySource.sales", equalTo(1))
                .body("touchpointsBySource.marketing", equalTo(1));
    }

    @Test
    void summaryAddsUpTheTenantsAccountsWithEverySourceAndRolePresent() throws Exception {
        JsonPath before = summary();
        assertThat(before.getMap("touchpointsBySource").keySet())
                .containsExactlyInAnyOrder("marketing", "sales", "product", "partner", "customer_success");
        assertThat(before.getMap("committeeMembersByRole").keySet()).containsExactlyInAnyOrder("economic_buyer",
                "champion", "technical_evaluator", "end_user", "procurement", "legal_security", "influencer",
                "blocker");

        String first = unique("hooli");
        String second = unique("umbrella");
        send(event(first, 1, touchpoint(TouchpointSource.MARKETING)));
        send(event(first, 2, new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION,
                RoleSource.INFERRED)));
        send(event(first, 3, new JourneyEventV1.MomentumShifted(0, 40)));
        send(event(second, 1, touchpoint(TouchpointSource.SALES)));
        send(event(second, 2, touchpoint(TouchpointSource.MARKETING)));
        awaitAccount(first, 3);
        awaitAccount(second, 2);

        JsonPath after = summary();
        assertThat(after.getLong("accountsTracked")).isEqualTo(before.getLong("accountsTracked") + 2);
        assertThat(after.getLong("touchpointsBySource.marketing"))
                .isEqualTo(before.getLong("touchpointsBySource.marketing") + 2);
        assertThat(after.getLong("touchpointsBySource.sales"))
                .isEqualTo(before.getLong("touchpointsBySource.sales") + 1);
        assertThat(after.getLong("touchpointsBySource.partner"))
                .isEqualTo(before.getLong("touchpointsBySource.partner"));
        assertThat(after.getLong("committeeMembersByRole.champion"))
                .isEqualTo(before.getLong("committeeMembersByRole.champion") + 1);
        assertThat(after.getLong("committeeMembersByRole.blocker"))
                .isEqualTo(before.getLong("committeeMembersByRole.blocker"));
        assertThat(after.getDouble("averageMomentum")).isBetween(0.0, 100.0);
    }

    @Test
    void unknownAccountAnswers404ProblemDetails() {
        asTenantUser().when().get("/v1/kpis/accounts/{key}", unique("nobody"))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Unknown account"));
    }

    @Test
    void poisonIsDeadLetteredAndLaterEventsAreStillProjected() throws Exception {
        String poisonId = unique("poison");
        RecordMetadata poison = send(null, EventKeys.account(TENANT, poisonId), "not a journey event " + poisonId);
        // the next good event on the same partition is only reached once the poison was dealt with
        String account = unique("soylent");
        send(poison.partition(), EventKeys.account(TENANT, account),
                EventJson.write(event(account, 1, touchpoint(TouchpointSource.CUSTOMER_SUCCESS))));

        List<ConsumerRecord<String, String>> dead =
                KAFKA.recordsContaining(Topics.DLQ_KPI_PROJECTOR, poisonId, PATIENCE);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(EventKeys.account(TENANT, poisonId));
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("JourneyEventV1");
        awaitAccount(account, 1);
        kpis(account).body("touchpointsBySource.customer_success", equalTo(1));
    }

    private static JourneyEventV1 event(String account, long version, JourneyEventV1.Payload data) {
        return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, account, version), TENANT, account, version,
                START.plusSeconds(version), List.of("tp-" + UUID.randomUUID()), data);
    }

    private static JourneyEventV1.TouchpointRecorded touchpoint(TouchpointSource source) {
        return new JourneyEventV1.TouchpointRecorded("tp-" + UUID.randomUUID(), "email.clicked", source,
                Direction.BUYER_INITIATED, "c1", 1.0);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static RecordMetadata send(JourneyEventV1 event) throws Exception {
        return send(null, EventKeys.account(event.tenantId(), event.accountKey()), EventJson.write(event));
    }

    private static RecordMetadata send(Integer partition, String key, String value) throws Exception {
        return KAFKA.send(Topics.JOURNEY_EVENTS, partition, key, value);
    }

    /** Polls without failing assertions (which would log every attempt) until the account reached the version. */
    private static void awaitAccount(String account, long version) {
        Predicate<Response> reached = response -> response.statusCode() == 200
                && response.jsonPath().getLong("version") == version;
        await().atMost(PATIENCE).until(() -> reached.test(asTenantUser().when().get("/v1/kpis/accounts/{key}", account)));
    }

    private static ValidatableResponse kpis(String account) {
        return asTenantUser().when().get("/v1/kpis/accounts/{key}", account).then().statusCode(200);
    }

    private static JsonPath summary() {
        return asTenantUser().when().get("/v1/kpis/summary").then().statusCode(200).extract().jsonPath();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
