package dev.tandem.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.infra.AccessMatrix;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's own OpenAPI document, with no credentials and with each role: 401 without,
 * 403 for a role it does not declare, neither for one it does. An operation that declares no role fails here.
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
}
