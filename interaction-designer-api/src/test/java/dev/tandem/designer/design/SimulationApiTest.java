package dev.tandem.designer.design;

import static dev.tandem.designer.design.DesignFixtures.designer;
import static dev.tandem.designer.design.DesignFixtures.pilot;
import static dev.tandem.designer.design.DesignFixtures.pilotPersonas;
import static dev.tandem.designer.design.DesignFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A draft run against the recorded log beside the published version: tightening a stage's criteria moves exactly
 * the accounts that no longer meet them back, and nothing live changes.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class SimulationApiTest {

    private static final String PUBLISHED = "'trial.started' in types && engagedMembers >= 2";
    private static final String TIGHTENED = "'trial.started' in types && engagedMembers >= 3";
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void tighteningTheSecondStageMovesTheTwoMemberAccountsBackAndTouchesNothingLive() throws Exception {
        String tenant = tenant("simulated");
        pilotPersonas(tenant);
        designer(tenant).body(pilot(PUBLISHED, "meeting.held")).post("/v1/journeys").then().statusCode(201);
        designer(tenant).post("/v1/journeys/pilot/publish").then().statusCode(200);
        designer(tenant).body(pilot(TIGHTENED, "meeting.held")).post("/v1/journeys/pilot/versions").then()
                .statusCode(201);
        try (KafkaTestClient kafka = kafka()) {
            record(kafka, tenant, "pair-a", 2);
            record(kafka, tenant, "pair-b", 2);
            record(kafka, tenant, "trio", 3);
            record(kafka, "another-tenant", "elsewhere", 2);
        }
        long snapshotsBefore = snapshotsOf(tenant);

        String location = designer(tenant).body("{}").post("/v1/journeys/pilot/simulations").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/simulations/sim_"))
                .body("draft.version", equalTo(2)).body("comparedWith.version", equalTo(1))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/v1/simulations/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(
                designer(tenant).get(path).then().extract().path("status")));

        JsonPath report = designer(tenant).get(path).then().statusCode(200)
                .body("touchpoints", equalTo(10)).body("progress", equalTo(1.0f))
                .body("report.accounts", equalTo(3))
                .body("report.movers.accountKey", contains("pair-a", "pair-b"))
                .body("report.movers.direction", contains("back", "back"))
                .body("report.movers.publishedStage", contains("piloting", "piloting"))
                .body("report.movers.draftStage", contains("curious", "curious"))
                .extract().jsonPath();
        assertThat(report.getList("report.published.stages.accounts", Integer.class)).containsExactly(0, 3);
        assertThat(report.getList("report.draft.stages.accounts", Integer.class)).containsExactly(2, 1);
        assertThat(report.getString("report.movers[0].reason")).isNotBlank();
        // nothing live: no snapshot written, no account projected for the tenant
        assertThat(snapshotsOf(tenant)).isEqualTo(snapshotsBefore);
        DesignFixtures.as(tenant, "seller").get("/v1/accounts").then().statusCode(200)
                .body("accounts", org.hamcrest.Matchers.empty());
        // cancelling a finished simulation leaves it as it finished; another tenant does not find it
        designer(tenant).delete(path).then().statusCode(200).body("status", equalTo("completed"));
        designer(tenant("stranger")).get(path).then().statusCode(404);
    }

    @Test
    void aLogWithMoreAccountsThanTheHeapHoldsFailsTheJobClearly() throws Exception {
        // %test: tandem.designer.simulation.max-accounts=50
        String tenant = tenant("crowded");
        designer(tenant).body(pilot(PUBLISHED, "meeting.held")).post("/v1/journeys").then().statusCode(201);
        try (KafkaTestClient kafka = kafka()) {
            for (int a = 0; a < 51; a++) {
                send(kafka, new TouchpointV1("w" + a, tenant, "account-" + a, "webinar.attended",
                        TouchpointSource.MARKETING, Direction.BUYER_INITIATED, AT, AT, "c" + a, null, Map.of()));
            }
        }
        String location = designer(tenant).body("{}").post("/v1/journeys/pilot/simulations").then().statusCode(202)
                .extract().header("Location");
        String path = location.substring(location.indexOf("/v1/simulations/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(
                designer(tenant).get(path).then().extract().path("status")));
        designer(tenant).get(path).then().body("error",
                org.hamcrest.Matchers.startsWith("the log holds more than 50 accounts of the tenant"));
    }

    @Test
    void aDraftThatDoesNotCompileOrAJourneyWithoutDraftIsRefused() {
        String tenant = tenant("unsimulated");
        designer(tenant).body(pilot("momentun >= 3", "meeting.held")).post("/v1/journeys").then().statusCode(201);
        designer(tenant).body("{}").post("/v1/journeys/pilot/simulations").then().statusCode(400)
                .body("errors.field", contains("/stages/1/entryCriteria"));
        designer(tenant).body("{}").post("/v1/journeys/nothing/simulations").then().statusCode(404);
        designer(tenant).get("/v1/simulations/sim_unknown").then().statusCode(404);
        designer(tenant).body("{\"version\": 9}").post("/v1/journeys/pilot/simulations").then().statusCode(404)
                .body("detail", endsWith("has no version 9"));
    }

    /** An account's members: one webinar each, and a trial started by the first. */
    private static void record(KafkaTestClient kafka, String tenant, String account, int members) {
        for (int m = 0; m < members; m++) {
            Instant at = AT.plus(Duration.ofHours(m));
            send(kafka, new TouchpointV1(account + "-w" + m, tenant, account, "webinar.attended",
                    TouchpointSource.MARKETING, Direction.BUYER_INITIATED, at, at, account + "-c" + m,
                    "Platform Architect", Map.of()));
        }
        Instant trial = AT.plus(Duration.ofDays(1));
        send(kafka, new TouchpointV1(account + "-t", tenant, account, "trial.started", TouchpointSource.PRODUCT,
                Direction.BUYER_INITIATED, trial, trial, account + "-c0", "Platform Architect", Map.of()));
    }

    private static void send(KafkaTestClient kafka, TouchpointV1 touchpoint) {
        kafka.send(Topics.TOUCHPOINTS, EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint));
    }

    private static long snapshotsOf(String tenant) {
        try (KafkaTestClient kafka = kafka()) {
            return kafka.readToEnd(Topics.ACCOUNT_SNAPSHOTS).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(tenant + "/")).count();
        }
    }

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    }
}
