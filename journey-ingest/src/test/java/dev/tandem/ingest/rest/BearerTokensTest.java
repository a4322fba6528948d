package dev.tandem.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.infra.LocalSigningKey;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import dev.tandem.support.security.VerifiedTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bearer tokens are verified once per token; a remembered token never lets a forged one through. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class BearerTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesTokensThroughTheRememberingParser() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aRememberedTokenPassesAgainAndItsForgeriesDoNot() throws Exception {
        LocalSigningKey signing = TandemInfrastructureResource.infrastructure().signingKey();
        String token = signing.token("tokens-tenant", Set.of(Roles.ADMIN), Duration.ofMinutes(5));
        given().auth().oauth2(token).when().get("/v1/api-keys").then().statusCode(200);
        given().auth().oauth2(token).when().get("/v1/api-keys").then().statusCode(200);

        // the remembered token's header and claims under another key's signature
        LocalSigningKey stranger = LocalSigningKey.in(Files.createTempDirectory("stranger-key"));
        String[] remembered = token.split("\\.");
        String[] foreign = stranger.token("tokens-tenant", Set.of(Roles.ADMIN), Duration.ofMinutes(5)).split("\\.");
        given().auth().oauth2(remembered[0] + "." + remembered[1] + "." + foreign[2])
                .when().get("/v1/api-keys").then().statusCode(401);
        // and the stranger's own token, though it claims the same tenant and role
        given().auth().oauth2(String.join(".", foreign)).when().get("/v1/api-keys").then().statusCode(401);
    }
}
