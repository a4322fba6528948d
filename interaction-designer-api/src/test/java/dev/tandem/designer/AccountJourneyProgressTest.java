package dev.tandem.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Journey progress end to end: snapshots on the real broker, through the consumer and MongoDB, to the sellers'
 * journey and list endpoints. Each test uses its own accounts and its own stage key, so the tenant's other
 * accounts never match its list queries.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class AccountJourneyProgressTest {

    private static final String TENANT = "dev";

    /** A request with a seller token of the test's tenant, signed with the key the service trusts. */
    private static io.restassured.specification.RequestSpecification asTenantUser() {
        return given().auth().oauth2(dev.tandem.infra.TandemInfrastructureResource.infrastructure().signingKey()
                .token(TENANT, java.util.Set.of("seller"), java.time.Duration.ofMinutes(30)));
    }
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @Inject
    MongoClient mongo;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void everyJourneyFieldOfTheSnapshotReachesTheApi() throws Exception {
        String account = unique("acme");
        String stage = uniqueStage();
        send(TENANT, account, 4, 58, JourneyFixtures.progress(stage, Trend.SLOWING, true, DealOutcome.NO_DECISION));

        awaitVersion(account, 4);
        asTenantUser().when().get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                .body("stage.key", equalTo(stage))
                .body("stage.name", equalTo("Supplier selection"))
                .body("stage.enteredAt", equalTo("2026-11-04T20:00:00Z"))
                .body("stage.dwellDays", equalTo(20.0f))
                .body("journey.id", equalTo("default"))
                .body("journey.version", equalTo(3))
                .body("trend", equalTo("slowing"))
                .body("alerts.size()", equalTo(1))
                .body("alerts[0].stage", equalTo(stage))
                .body("alerts[0].reasons", contains("no_meaningful_touchpoint", "required_role_silent"))
                .body("alerts[0].silentRoles", contains("economic_buyer"))
                .body("alerts[0].unblockWith[0].role", equalTo("economic_buyer"))
                .body("alerts[0].unblockWith[0].touchpointType", equalTo("meeting.held"))
                .body("alerts[0].unblockWith[0].owner", equalTo("sales"))
                .body("alerts[0].unblockWith[0].unblocks", equalTo("business case review"))
                .body("alerts[0].since", equalTo("2026-11-18T08:00:00Z"))
                .body("alerts[0].explanation", equalTo("Stalled in Supplier selection: the economic buyer is silent."))
                .body("stageHistory.stage", contains("problem_identification", stage))
                .body("stageHistory[0].name", equalTo("Problem identification"))
                .body("stageHistory[0].enteredAt", equalTo("2026-11-01T08:00:00Z"))
                .body("stageHistory[0].exitedAt", equalTo("2026-11-04T20:00:00Z"))
                .body("stageHistory[0].dwellDays", equalTo(3.5f))
                .body("stageHistory[1].exitedAt", nullValue())
                .body("stageHistory[1].dwellDays", equalTo(20.0f))
                .body("explanations.kind", contains("stage", "stall"))
                .body("explanations[0].text", equalTo("Moved to Supplier selection: its entry criteria hold."))
                .body("explanations[0].journeyVersion", equalTo(3))
                .body("explanations[0].criteria[0].stage", equalTo(stage))
                .body("explanations[0].criteria[0].expression", equalTo("counts['demo.requested'] > 0"))
                .body("explanations[0].criteria[0].satisfied", equalTo(true))
                .body("explanations[0].criteria[1].satisfied", equalTo(false))
                .body("explanations[0].criteria[1].error", equalTo("syntax error"))
                .body("explanations[0].causedBy", contains("tp-1", "tp-2"))
                .body("explanations[0].at", equalTo("2026-11-04T20:00:00Z"))
                .body("outcome", equalTo("no_decision"))
                .body("closedAt", equalTo("2026-11-24T20:00:00Z"))
                .body("typeCounts", nullValue())
                .body("journey.activity", nullValue());
    }

    @Test
    void aSnapshotWithoutJourneyStillProjects() throws Exception {
        String account = unique("legacy");
        send(TENANT, account, 2, 33, null);

        awaitVersion(account, 2);
        asTenantUser().when().get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                .body("momentum", equalTo(33))
                .body("stage", nullValue())
                .body("journey", nullValue())
                .body("trend", nullValue())
                .body("alerts", empty())
                .body("stageHistory", empty())
                .body("explanations", empty())
                .body("outcome", nullValue())
                .body("closedAt", nullValue());
        // a document from before journeys has no stalled flag: it lists as not stalled, without stage or trend
        asTenantUser().when().get("/v1/accounts?stalled=false&limit=200").then().statusCode(200)
                .body("accounts.find { it.accountKey == '" + account + "' }.stage", nullValue())
                .body("accounts.find { it.accountKey == '" + account + "' }.momentum", equalTo(33))
                .body("accounts.accountKey", hasItem(account));
    }

    @Test
    void theListFiltersByStageAndStallSortsByMomentumAndStaysInTheTenant() throws Exception {
        String stage = uniqueStage();
        String low = unique("low");
        String high = unique("high");
        String stalledMid = unique("mid");
        String elsewhere = unique("elsewhere");
        String foreign = unique("foreign");
        send(TENANT, low, 1, 20, JourneyFixtures.progress(stage, Trend.STEADY, false, null));
        send(TENANT, high, 1, 90, JourneyFixtures.progress(stage, Trend.ACCELERATING, false, null));
        send(TENANT, stalledMid, 1, 50, JourneyFixtures.progress(stage, Trend.STALLED, true, null));
        send(TENANT, elsewhere, 1, 99, JourneyFixtures.progress(uniqueStage(), Trend.STEADY, false, null));
        send("other-tenant", foreign, 1, 95, JourneyFixtures.progress(stage, Trend.STEADY, true, null));
        for (String account : List.of(low, high, stalledMid, elsewhere)) {
            awaitVersion(account, 1);
        }
        await().atMost(PATIENCE).until(() -> countForOtherTenant(foreign) == 1);

        asTenantUser().when().get("/v1/accounts?stage={stage}", stage).then().statusCode(200)
                .body("accounts.accountKey", contains(high, stalledMid, low))
                .body("accounts[0].momentum", equalTo(90))
                .body("accounts[0].stage", equalTo(stage))
                .body("accounts[0].stageName", equalTo("Supplier selection"))
                .body("accounts[0].trend", equalTo("accelerating"))
                .body("accounts[0].alertCount", equalTo(0))
                .body("accounts[0].touchpointCount", equalTo(3))
                .body("accounts[1].alertCount", equalTo(1))
                .body("limit", equalTo(50));
        asTenantUser().when().get("/v1/accounts?stage={stage}&stalled=true", stage).then().statusCode(200)
                .body("accounts.accountKey", contains(stalledMid))
                .body("accounts[0].trend", equalTo("stalled"));
        asTenantUser().when().get("/v1/accounts?stage={stage}&stalled=false&limit=1", stage).then().statusCode(200)
                .body("accounts.accountKey", contains(high))
                .body("limit", equalTo(1));
        asTenantUser().when().get("/v1/accounts?stage={stage}&minMomentum=30&maxMomentum=90", stage).then()
                .statusCode(200).body("accounts.accountKey", contains(high, stalledMid));
        asTenantUser().when().get("/v1/accounts?stage={stage}&sort=momentum", stage).then().statusCode(200)
                .body("accounts.accountKey", contains(low, stalledMid, high));
    }

    @Test
    void pagesFollowTheCursorInEverySortAndMissingRoleFiltersTheCommittee() throws Exception {
        String stage = uniqueStage();
        List<String> accounts = new java.util.ArrayList<>();
        int[] momenta = {40, 40, 50, 50, 60}; // ties are broken by the account key
        for (int i = 0; i < 5; i++) {
            String account = unique("page" + i);
            accounts.add(account);
            AccountSnapshotV1 snapshot = new AccountSnapshotV1(TENANT, account, 1, momenta[i], 3,
                    Map.of("sales", 3L), Instant.parse("2026-11-20T10:15:30Z").plusSeconds(60L * i),
                    i % 2 == 0 ? List.of(new AccountSnapshotV1.Member("c_buyer", CommitteeRole.ECONOMIC_BUYER,
                            RoleSource.INFERRED, 2.0, 2, Instant.parse("2026-11-20T10:15:30Z"))) : List.of(),
                    JourneyFixtures.progress(stage, Trend.STEADY, false, null), null);
            KAFKA.send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account(TENANT, account), EventJson.write(snapshot));
        }
        for (String account : accounts) {
            awaitVersion(account, 1);
        }
        for (String sort : List.of("-momentum", "momentum", "-lastTouchpointAt", "lastTouchpointAt", "accountKey")) {
            List<String> all = asTenantUser().when().get("/v1/accounts?stage={stage}&sort={sort}", stage, sort)
                    .then().statusCode(200).extract().jsonPath().getList("accounts.accountKey", String.class);
            List<String> paged = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var request = asTenantUser();
                if (cursor != null) {
                    request = request.queryParam("cursor", cursor);
                }
                var page = request.when().get("/v1/accounts?stage={stage}&sort={sort}&limit=2", stage, sort)
                        .then().statusCode(200).extract().jsonPath();
                paged.addAll(page.getList("accounts.accountKey", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(paged).as(sort).hasSize(5).containsExactlyElementsOf(all);
        }
        assertThat(asTenantUser().when().get("/v1/accounts?stage={stage}&sort=-lastTouchpointAt", stage).then()
                .extract().jsonPath().getList("accounts.accountKey", String.class))
                .containsExactly(accounts.get(4), accounts.get(3), accounts.get(2), accounts.get(1), accounts.get(0));
        asTenantUser().when().get("/v1/accounts?stage={stage}&missingRole=economic_buyer&sort=accountKey", stage)
                .then().statusCode(200)
                .body("accounts.accountKey", contains(accounts.get(1), accounts.get(3)));
        // a cursor of one order is refused in another
        String momentumCursor = asTenantUser().when().get("/v1/accounts?stage={stage}&limit=1", stage).then()
                .extract().path("nextCursor");
        asTenantUser().queryParam("cursor", momentumCursor).when().get("/v1/accounts?sort=accountKey").then()
                .statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void invalidListParametersAnswer400ProblemDetailsNamingTheParameter() {
        for (String[] bad : new String[][] {{"limit", "201"}, {"limit", "0"}, {"limit", "many"},
                {"stalled", "maybe"}, {"stage", "Not a key"}, {"minMomentum", "101"}, {"maxMomentum", "-1"},
                {"missingRole", "cfo"}, {"sort", "momentum desc"}, {"cursor", "not-a-cursor"}}) {
            asTenantUser().queryParam(bad[0], bad[1]).when().get("/v1/accounts").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Invalid input"))
                    .body("errors.field", contains(bad[0]));
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheListAndTheJourneyFields() {
        JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getList("paths.'/v1/accounts'.get.parameters.name"))
                .containsExactlyInAnyOrder("stage", "stalled", "minMomentum", "maxMomentum", "missingRole", "sort",
                        "cursor", "limit");
        assertThat(openApi.getMap("paths.'/v1/accounts'.get.responses")).containsKeys("200", "400");
        assertThat(openApi.getMap("components.schemas.AccountJourney.properties")).containsKeys("stage", "journey",
                "trend", "alerts", "stageHistory", "explanations", "outcome", "closedAt", "missingRoles",
                "nextInteractions", "timeline");
        assertThat(openApi.getMap("components.schemas.StallAlert.properties")).containsKeys("stage", "reasons",
                "silentRoles", "unblockWith", "since", "explanation");
        assertThat(openApi.getMap("components.schemas.AccountListItem.properties")).containsKeys("accountKey",
                "momentum", "stage", "trend", "alertCount");
    }

    private long countForOtherTenant(String account) {
        return ReadModelCollections.current(mongo, "account_journeys")
                .countDocuments(Filters.eq("_id", EventKeys.account("other-tenant", account)));
    }

    private static void send(String tenant, String account, long version, int momentum,
            AccountSnapshotV1.JourneyProgress journey) throws Exception {
        AccountSnapshotV1 snapshot = new AccountSnapshotV1(tenant, account, version, momentum, 3,
                Map.of("sales", 3L), Instant.parse("2026-11-20T10:15:30Z"), List.of(), journey, null);
        KAFKA.send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account(tenant, account), EventJson.write(snapshot));
    }

    private static void awaitVersion(String account, long version) {
        await().atMost(PATIENCE).until(() -> {
            Response response = asTenantUser().when().get("/v1/accounts/{key}/journey", account);
            return response.statusCode() == 200 && response.jsonPath().getLong("version") == version;
        });
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String uniqueStage() {
        return "stage_" + UUID.randomUUID().toString().replace("-", "");
    }
}
