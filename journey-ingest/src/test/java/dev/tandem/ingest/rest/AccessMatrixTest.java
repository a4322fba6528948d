package dev.tandem.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.infra.AccessMatrix;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's own OpenAPI document, with no credentials and with each role: 401 without,
 * 403 for a role it does not declare, neither for one it does. An operation that declares no role fails here.
 * And as another tenant with each declared role, against an object of an owner: 404, never a sight of it.
 */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersAsItsDeclaredRolesSay() {
        // an empty array is a valid body: the answers are about access, nothing is published
        assertThat(AccessMatrix.violations(base, TandemInfrastructureResource.infrastructure().signingKey(),
                Roles.ALL, "matrix-tenant", "matrix-unknown", "[]")).isEmpty();
    }

    @Test
    void anotherTenantFindsNothingOfAnOwnersApiKeyWhateverItsRole() {
        var signingKey = TandemInfrastructureResource.infrastructure().signingKey();
        String owner = "matrix-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String keyId = given().auth().oauth2(signingKey.token(owner, Set.of(Roles.ADMIN), Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body("{\"system\":\"crm\",\"label\":\"matrix\"}")
                .when().post("/v1/api-keys").then().statusCode(201).extract().path("id");
        // the owner sees it, so "nothing for the other tenant" is not an empty service
        given().auth().oauth2(signingKey.token(owner, Set.of(Roles.ADMIN), Duration.ofMinutes(5)))
                .when().get("/v1/api-keys").then().statusCode(200).body("id", hasItem(keyId));

        assertThat(AccessMatrix.foreignTenantViolations(base, signingKey, owner, keyId, "matrix-foreign", "[]"))
                .isEmpty();
        given().auth().oauth2(signingKey.token(owner, Set.of(Roles.ADMIN), Duration.ofMinutes(5)))
                .when().get("/v1/api-keys").then().statusCode(200).body("find { it.id == '" + keyId + "' }.revokedAt",
                        nullValue());
    }
}
