package dev.tandem.kpi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.infra.AccessMatrix;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's own OpenAPI document, with no credentials and with each role: 401 without,
 * 403 for a role it does not declare, neither for one it does. An operation that declares no role fails here.
 * And as another tenant with each declared role, against an owner's account: 404, never a sight of it.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class AccessMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersAsItsDeclaredRolesSay() {
        // an unknown account: the declared roles get 404 (or a list), the others 403, nobody's data is touched
        assertThat(AccessMatrix.violations(base, TandemInfrastructureResource.infrastructure().signingKey(),
                Roles.ALL, "matrix-tenant", "matrix-unknown", "")).isEmpty();
    }

    @Test
    void anotherTenantFindsNothingOfAnOwnersAccountWhateverItsRole() {
        var signingKey = TandemInfrastructureResource.infrastructure().signingKey();
        String owner = "matrix-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "matrix-account-" + UUID.randomUUID();
        try (KafkaTestClient kafka =
                new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            kafka.send(Topics.JOURNEY_EVENTS, EventKeys.account(owner, account), EventJson.write(new JourneyEventV1(
                    JourneyEventV1.eventIdOf(owner, account, 1), owner, account, 1,
                    Instant.parse("2026-11-20T10:15:30Z"), List.of("tp-1"), new JourneyEventV1.TouchpointRecorded(
                            "tp-1", "email.clicked", TouchpointSource.MARKETING, Direction.BUYER_INITIATED, "c1",
                            1.0))));
        }
        // the owner sees it, so "nothing for the other tenant" is not an empty service
        String ownerToken = signingKey.token(owner, Set.of(Roles.ANALYST), Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ownerToken)
                .when().get("/v1/kpis/accounts/{key}", account).statusCode() == 200);

        assertThat(AccessMatrix.foreignTenantViolations(base, signingKey, owner, account, "matrix-foreign", ""))
                .isEmpty();
        given().auth().oauth2(signingKey.token("matrix-foreign", Set.of(Roles.ANALYST), Duration.ofMinutes(5)))
                .when().get("/v1/kpis/summary").then().statusCode(200).body("accountsTracked", equalTo(0));
    }
}
