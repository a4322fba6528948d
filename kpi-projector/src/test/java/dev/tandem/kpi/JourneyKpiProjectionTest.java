package dev.tandem.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.journey.StallReason;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The journey KPIs end to end: stage, stall and close events on the real broker, through the consumer and MongoDB,
 * to the account and summary endpoints. Stage keys are unique per test, so the tenant's other accounts never
 * touch the per-stage figures a test checks; tenant-wide figures are checked as differences.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class JourneyKpiProjectionTest {

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
    void eachJourneyEventMovesTheAccountsKpis() throws Exception {
        String account = unique("acme");
        String first = uniqueStage();
        String second = uniqueStage();
        send(account, 1, entered(first, null));
        send(account, 2, exited(first, 2 * 86_400 + 43_200, second));
        send(account, 3, entered(second, first));
        send(account, 4, stall(second));
        awaitAccount(account, 4);
        kpis(account)
                .body("stage", equalTo(second))
                .body("stageEntries." + first, equalTo(1))
                .body("stageEntries." + second, equalTo(1))
                .body("averageDaysInStage." + first, equalTo(2.5f))
                .body("averageDaysInStage." + second, nullValue())
                .body("stalled", equalTo(true))
                .body("outcome", nullValue());

        send(account, 5, new JourneyEventV1.StallCleared(second, START, "moves again"));
        awaitAccount(account, 5);
        kpis(account).body("stalled", equalTo(false));

        send(account, 6, stall(second));
        send(account, 7, new JourneyEventV1.DealClosed(DealOutcome.WON, second, 80, "won"));
        awaitAccount(account, 7);
        kpis(account)
                .body("outcome", equalTo("won"))
                .body("closedAt", equalTo(START.plusSeconds(7).toString()))
                .body("stalled", equalTo(false))
                .body("stage", equalTo(second));
    }

    @Test
    void duplicatesAndOlderVersionsChangeNothing() throws Exception {
        String account = unique("globex");
        String first = uniqueStage();
        String second = uniqueStage();
        JourneyEventV1 entry = event(account, 1, entered(first, null));
        JourneyEventV1 exit = event(account, 2, exited(first, 86_400, second));
        send(entry);
        send(exit);
        send(exit);
        send(entry);
        send(event(account, 3, entered(second, first)));
        send(event(account, 2, stall(second)));
        send(event(account, 1, new JourneyEventV1.DealClosed(DealOutcome.LOST, first, 3, "late")));
        send(event(account, 2, exited(second, 999_999, first)));
        send(event(account, 4, new JourneyEventV1.MomentumShifted(10, 20)));

        awaitAccount(account, 4);
        kpis(account)
                .body("stage", equalTo(second))
                .body("stageEntries." + first, equalTo(1))
                .body("stageEntries." + second, equalTo(1))
                .body("averageDaysInStage." + first, equalTo(1.0f))
                .body("averageDaysInStage." + second, nullValue())
                .body("stalled", equalTo(false))
                .body("outcome", nullValue());
    }

    @Test
    void theSummaryAddsUpStagesConversionDwellStallsAndOutcomes() throws Exception {
        JsonPath before = summary();
        String exploration = uniqueStage();
        String selection = uniqueStage();
        String won = unique("won");
        String undecided = unique("undecided");
        String stuck = unique("stuck");
        String early = unique("early");
        // won: exploration (1 day) -> selection, closed won
        send(won, 1, entered(exploration, null));
        send(won, 2, exited(exploration, 86_400, selection));
        send(won, 3, entered(selection, exploration));
        send(won, 4, new JourneyEventV1.DealClosed(DealOutcome.WON, selection, 90, "won"));
        // undecided: exploration (3 days) -> selection, closed without decision
        send(undecided, 1, entered(exploration, null));
        send(undecided, 2, exited(exploration, 3 * 86_400, selection));
        send(undecided, 3, entered(selection, exploration));
        send(undecided, 4, new JourneyEventV1.DealClosed(DealOutcome.NO_DECISION, selection, 10, "none"));
        // stuck: exploration (2 days) -> selection, stalled there
        send(stuck, 1, entered(exploration, null));
        send(stuck, 2, exited(exploration, 2 * 86_400, selection));
        send(stuck, 3, entered(selection, exploration));
        send(stuck, 4, stall(selection));
        // early: still in exploration
        send(early, 1, entered(exploration, null));
        for (Map.Entry<String, Long> last : Map.of(won, 4L, undecided, 4L, stuck, 4L, early, 1L).entrySet()) {
            awaitAccount(last.getKey(), last.getValue());
        }

        JsonPath after = summary();
        assertThat(after.getLong("accountsByStage." + exploration)).isEqualTo(1);
        assertThat(after.getLong("accountsByStage." + selection)).as("closed accounts are not in a stage")
                .isEqualTo(1);
        assertThat(after.getFloat("averageDaysInStage." + exploration)).isEqualTo(2.0f);
        assertThat(after.getFloat("averageDaysInStage." + selection))
                .as("the stage two deals closed from counts (a second each), the stalled stay does not yet")
                .isEqualTo(0.0f);
        List<Map<String, Object>> conversions = after.getList("stageConversion.findAll { it.from == '"
                + exploration + "' }");
        assertThat(conversions).containsExactly(Map.of("from", exploration, "to", selection, "accounts", 3));
        assertThat(after.getLong("stalledAccounts")).isEqualTo(before.getLong("stalledAccounts") + 1);
        assertThat(after.getLong("outcomes.won")).isEqualTo(before.getLong("outcomes.won") + 1);
        assertThat(after.getLong("outcomes.no_decision")).isEqualTo(before.getLong("outcomes.no_decision") + 1);
        assertThat(after.getLong("outcomes.lost")).isEqualTo(before.getLong("outcomes.lost"));
        long closed = after.getLong("outcomes.won") + after.getLong("outcomes.lost")
                + after.getLong("outcomes.no_decision");
        assertThat(after.getDouble("noDecisionRate"))
                .isCloseTo(after.getLong("outcomes.no_decision") / (double) closed, org.assertj.core.data.Offset
                        .offset(0.001));
        assertThat(after.getLong("accountsTracked")).isEqualTo(before.getLong("accountsTracked") + 4);
    }

    @Test
    void theOpenApiDocumentDescribesTheJourneyKpis() {
        JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getMap("components.schemas.KpiSummary.properties")).containsKeys("accountsByStage",
                "stalledAccounts", "outcomes", "stageConversion", "averageDaysInStage", "noDecisionRate",
                "accountsTracked", "touchpointsBySource", "committeeMembersByRole", "averageMomentum");
        assertThat(openApi.getMap("components.schemas.AccountKpis.properties")).containsKeys("stage",
                "stageEntries", "averageDaysInStage", "stalled", "outcome", "closedAt");
    }

    private static JourneyEventV1.StageEntered entered(String stage, String previous) {
        return new JourneyEventV1.StageEntered(stage, "Stage " + stage, previous, "default", 1, List.of(), "why");
    }

    private static JourneyEventV1.StageExited exited(String stage, long dwellSeconds, String next) {
        return new JourneyEventV1.StageExited(stage, "Stage " + stage, START, dwellSeconds, next);
    }

    private static JourneyEventV1.StallDetected stall(String stage) {
        return new JourneyEventV1.StallDetected(stage, List.of(StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER), List.of(), START, "the economic buyer is silent");
    }

    private static JourneyEventV1 event(String account, long version, JourneyEventV1.Payload data) {
        return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, account, version), TENANT, account, version,
                START.plusSeconds(version), List.of("tp-" + UUID.randomUUID()), data);
    }

    private static void send(String account, long version, JourneyEventV1.Payload data) throws Exception {
        send(event(account, version, data));
    }

    private static void send(JourneyEventV1 event) throws Exception {
        KAFKA.send(Topics.JOURNEY_EVENTS, null, EventKeys.account(event.tenantId(), event.accountKey()),
                EventJson.write(event));
    }

    private static void awaitAccount(String account, long version) {
        await().atMost(PATIENCE).until(() -> {
            Response response = asTenantUser().when().get("/v1/kpis/accounts/{key}", account);
            return response.statusCode() == 200 && response.jsonPath().getLong("version") == version;
        });
    }

    private static io.restassured.response.ValidatableResponse kpis(String account) {
        return asTenantUser().when().get("/v1/kpis/accounts/{key}", account).then().statusCode(200);
    }

    private static JsonPath summary() {
        return asTenantUser().when().get("/v1/kpis/summary").then().statusCode(200).extract().jsonPath();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String uniqueStage() {
        return "stage_" + UUID.randomUUID().toString().replace("-", "");
    }
}
