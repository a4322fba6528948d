package dev.tandem.designer.design;

import static dev.tandem.designer.design.DesignFixtures.as;
import static dev.tandem.designer.design.DesignFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A seller's role assignment goes onto the touchpoint log as a role.assigned touchpoint, for journey-state. */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class RoleAssignmentTest {

    @Test
    void aSellersAssignmentIsARoleAssignedTouchpointOnTheLog() throws Exception {
        String tenant = tenant("roles");
        String account = "assigned-account";
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(tenant, account), EventJson.write(
                    new AccountSnapshotV1(tenant, account, 1, 30, 1, Map.of("sales", 1L), at,
                            List.of(new AccountSnapshotV1.Member("c_sam", CommitteeRole.TECHNICAL_EVALUATOR,
                                    RoleSource.INFERRED, 1.0, 1, at)), null, null)));
        }
        await().atMost(DesignFixtures.patience()).until(() -> as(tenant, Roles.SELLER)
                .get("/v1/accounts/{key}/journey", account).statusCode() == 200);

        String touchpointId = as(tenant, Roles.SELLER).body("{\"role\": \"economic_buyer\"}")
                .put("/v1/accounts/{key}/committee/{contact}/role", account, "c_sam").then().statusCode(202)
                .body("role", equalTo("economic_buyer")).body("contactKey", equalTo("c_sam"))
                .extract().path("touchpointId");

        try (KafkaTestClient kafka = kafka()) {
            String key = EventKeys.account(tenant, account);
            ConsumerRecord<String, String> record = kafka.readUntil(Topics.TOUCHPOINTS, r -> key.equals(r.key()),
                    Duration.ofSeconds(30)).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            TouchpointV1 assignment = EventJson.read(record.value(), TouchpointV1.class);
            assertThat(assignment.type()).isEqualTo("role.assigned");
            assertThat(assignment.contactKey()).isEqualTo("c_sam");
            assertThat(assignment.properties()).containsEntry("role", "economic_buyer");
            assertThat(assignment.id()).isEqualTo(touchpointId);
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(CloudEventTypes.TOUCHPOINT);
        }
    }

    @Test
    void anUnknownRoleMemberOrAccountIsRefusedAndOnlySellersAssign() {
        String tenant = tenant("roles-refused");
        String account = "refusing-account";
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        try (KafkaTestClient kafka = kafka()) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(tenant, account), EventJson.write(
                    new AccountSnapshotV1(tenant, account, 1, 30, 1, Map.of("sales", 1L), at,
                            List.of(new AccountSnapshotV1.Member("c_sam", CommitteeRole.CHAMPION,
                                    RoleSource.INFERRED, 1.0, 1, at)), null, null)));
        }
        await().atMost(DesignFixtures.patience()).until(() -> as(tenant, Roles.SELLER)
                .get("/v1/accounts/{key}/journey", account).statusCode() == 200);

        as(tenant, Roles.SELLER).body("{\"role\": \"cfo\"}")
                .put("/v1/accounts/{key}/committee/{contact}/role", account, "c_sam").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("/role"));
        as(tenant, Roles.SELLER).body("{}")
                .put("/v1/accounts/{key}/committee/{contact}/role", account, "c_sam").then().statusCode(400)
                .body("errors[0].message", containsString("got nothing"));
        as(tenant, Roles.SELLER).body("{\"role\": \"champion\"}")
                .put("/v1/accounts/{key}/committee/{contact}/role", account, "c_nobody").then().statusCode(404)
                .body("detail", containsString("no committee member c_nobody"));
        as(tenant, Roles.SELLER).body("{\"role\": \"cfo\"}")
                .put("/v1/accounts/{key}/committee/{contact}/role", "nowhere", "c_sam").then().statusCode(404);
        as(tenant, Roles.DESIGNER).body("{\"role\": \"champion\"}")
                .put("/v1/accounts/{key}/committee/{contact}/role", account, "c_sam").then().statusCode(403);
    }

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    }
}
