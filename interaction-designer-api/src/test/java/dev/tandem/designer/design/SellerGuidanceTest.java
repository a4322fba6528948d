package dev.tandem.designer.design;

import static dev.tandem.designer.design.DesignFixtures.as;
import static dev.tandem.designer.design.DesignFixtures.designer;
import static dev.tandem.designer.design.DesignFixtures.pilot;
import static dev.tandem.designer.design.DesignFixtures.tenant;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seller view says what is missing and what to do next, from the account's journey version (published through
 * this API) and the tenant's personas.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class SellerGuidanceTest {

    @Test
    void aRequiredRoleNobodyCoversIsMissingAndItsInteractionPointCitesThePersona() throws Exception {
        String tenant = tenant("guidance");
        designer(tenant).body(DesignFixtures.persona("Champion")).put("/v1/personas/champion").then().statusCode(201);
        designer(tenant).body("""
                {"name": "Platform architect", "titlePatterns": ["architect"],
                 "stallPoints": ["waits for an integration plan"],
                 "unblockingInformation": ["a working session on their integration"]}""")
                .put("/v1/personas/technical_evaluator").then().statusCode(201);
        designer(tenant).body(pilot("'trial.started' in types", "meeting.held")).post("/v1/journeys").then()
                .statusCode(201);
        designer(tenant).post("/v1/journeys/pilot/publish").then().statusCode(200);

        // journey-state's snapshot of an account in the pilot's second stage, with an engaged champion only
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String account = "guided-account";
        AccountSnapshotV1 snapshot = new AccountSnapshotV1(tenant, account, 1, 40, 3, Map.of("marketing", 3L), now,
                List.of(new AccountSnapshotV1.Member("c_dana", CommitteeRole.CHAMPION, RoleSource.INFERRED, 2.0, 3,
                        now)),
                new AccountSnapshotV1.JourneyProgress("pilot", 1, "piloting", "Piloting", now, Trend.STEADY,
                        List.of(), List.of(new AccountSnapshotV1.StageVisit("piloting", "Piloting", now, null)),
                        List.of(), null, null, List.of()),
                new AccountSnapshotV1.MomentumDecay(10, 0.5, 3.0, 0.35,
                        List.of(CommitteeRole.CHAMPION, CommitteeRole.TECHNICAL_EVALUATOR)));
        try (KafkaTestClient kafka = new KafkaTestClient(
                TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(tenant, account), EventJson.write(snapshot));
        }

        await().atMost(DesignFixtures.patience()).until(() -> as(tenant, Roles.SELLER)
                .get("/v1/accounts/{key}/journey", account).statusCode() == 200);
        as(tenant, Roles.SELLER).get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                .body("missingRoles", contains("technical_evaluator"))
                .body("nextInteractions.touchpointType", contains("meeting.held"))
                .body("nextInteractions[0].owner", equalTo("sales"))
                .body("nextInteractions[0].contactKey", nullValue())
                .body("nextInteractions[0].unblocks", equalTo("a pilot success plan"))
                .body("nextInteractions[0].why",
                        equalTo("No technical evaluator (Platform architect) is engaged, and Piloting needs one"))
                .body("nextInteractions[0].insight",
                        equalTo("What unblocks them: a working session on their integration"))
                .body("committee[0].roleSource", equalTo("inferred"));
    }

    @Test
    void anAccountOnTheDefaultJourneyIsGuidedByTheDefaultInteractionPoints() throws Exception {
        String tenant = tenant("guidance-default");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String account = "default-account";
        AccountSnapshotV1 snapshot = new AccountSnapshotV1(tenant, account, 1, 10, 1, Map.of("marketing", 1L), now,
                List.of(), new AccountSnapshotV1.JourneyProgress("default", 1, "problem_identification",
                        "Problem identification", now, Trend.STEADY, List.of(), List.of(), List.of(), null, null,
                        List.of()), null);
        try (KafkaTestClient kafka = new KafkaTestClient(
                TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(tenant, account), EventJson.write(snapshot));
        }
        await().atMost(DesignFixtures.patience()).until(() -> as(tenant, Roles.SELLER)
                .get("/v1/accounts/{key}/journey", account).statusCode() == 200);
        as(tenant, Roles.SELLER).get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                .body("missingRoles", contains("champion", "economic_buyer", "technical_evaluator", "end_user"))
                .body("nextInteractions[0].touchpointType", equalTo("content.downloaded"))
                .body("nextInteractions[0].insight", nullValue());
    }
}
