package dev.tandem.designer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.tandem.infra.AccessMatrix;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(owner, account), EventJson.write(
                    new AccountSnapshotV1(owner, account, 1, 40, 1, Map.of("marketing", 1L),
                            Instant.parse("2026-11-20T10:15:30Z"), List.of(), null, null)));
        }
        // the owner sees it, both alone and in the list, so "nothing for the other tenant" is not an empty service
        String ownerToken = signingKey.token(owner, Set.of(Roles.SELLER), Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ownerToken)
                .when().get("/v1/accounts/{key}/journey", account).statusCode() == 200);
        given().auth().oauth2(ownerToken).when().get("/v1/accounts").then().statusCode(200)
                .body("accounts.accountKey", hasItem(account));

        assertThat(AccessMatrix.foreignTenantViolations(base, signingKey, owner, account, "matrix-foreign", ""))
                .isEmpty();
    }
}
