package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.LocalPostgres;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.ingest.service.ApiKeySecret;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class ApiKeyTest {

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    private static String newTenant() {
        return "keys-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(roles), Duration.ofMinutes(10)));
    }

    private static String issue(String tenant, String system) {
        return as(tenant, Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"system\":\"" + system + "\",\"label\":\"" + system + " production\"}")
                .when().post("/v1/api-keys")
                .then().statusCode(201).header("Location", containsString("/v1/api-keys/"))
                .body("key", startsWith("tdm_")).body("system", equalTo(system))
                .extract().path("key");
    }

    private static String keyId(String key) {
        return ApiKeySecret.parse(key).orElseThrow().id();
    }

    private static String touchpoint(String eventId, String account) {
        return """
                {"eventId":"%s","accountKey":"%s","type":"webinar.attended","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z","contact":{"email":"ana@example.com","title":"CFO"}}
                """.formatted(eventId, account);
    }

    private static int postWithKey(String key, String body) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(body)
                .when().post("/v1/touchpoints").then().extract().statusCode();
    }

    @Test
    void aSystemSendsWithItsKeyAsTheKeysTenantAndSystem() {
        String tenant = newTenant();
        String key = issue(tenant, "marketo");
        String eventId = "evt-" + UUID.randomUUID();
        String account = "acct-" + UUID.randomUUID();

        assertThat(postWithKey(key, touchpoint(eventId, account))).isEqualTo(202);

        TouchpointV1 published = EventJson.read(kafka.recordsContaining(Topics.TOUCHPOINTS, eventId,
                Duration.ofSeconds(20)).get(0).value(), TouchpointV1.class);
        assertThat(published.tenantId()).isEqualTo(tenant);
        assertThat(published.sourceSystem()).isEqualTo("marketo");
        assertThat(published.id()).isEqualTo("marketo:" + eventId);
    }

    @Test
    void segmentStyleToolsSendTheKeyAsBasicUserWithoutPassword() {
        String tenant = newTenant();
        String key = issue(tenant, "segment-source");
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));

        given().header("Authorization", "Basic " + basic).contentType(ContentType.JSON)
                .body(touchpoint("evt-" + UUID.randomUUID(), "acct-basic"))
                .when().post("/v1/touchpoints").then().statusCode(202);
    }

    @Test
    void twoToolsThatBothSend1001AreTwoTouchpoints() {
        String tenant = newTenant();
        String account = "acct-" + UUID.randomUUID();
        String crm = issue(tenant, "crm");
        String automation = issue(tenant, "automation");

        assertThat(postWithKey(crm, touchpoint("1001", account))).isEqualTo(202);
        assertThat(postWithKey(automation, touchpoint("1001", account))).isEqualTo(202);

        List<String> ids = kafka.recordsContaining(Topics.TOUCHPOINTS, account, Duration.ofSeconds(20)).stream()
                .map(record -> EventJson.read(record.value(), TouchpointV1.class).id()).toList();
        assertThat(ids).containsExactlyInAnyOrder("crm:1001", "automation:1001");
    }

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        String tenant = newTenant();
        String key = issue(tenant, "hubspot");

        String listed = as(tenant, Roles.ADMIN).when().get("/v1/api-keys")
                .then().statusCode(200).body("id", hasItem(keyId(key))).body("[0].key", nullValue())
                .extract().asString();
        assertThat(listed).doesNotContain(ApiKeySecret.parse(key).orElseThrow().secret());
        as(newTenant(), Roles.ADMIN).when().get("/v1/api-keys")
                .then().statusCode(200).body("id", not(hasItem(keyId(key))));
    }

    @Test
    void twoActiveKeysPerSystemForRotationAndAThirdIsRefusedUntilOneIsRevoked() {
        String tenant = newTenant();
        String first = issue(tenant, "salesforce");
        String second = issue(tenant, "salesforce");

        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body("{\"system\":\"salesforce\",\"label\":\"third\"}")
                .when().post("/v1/api-keys")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(postWithKey(first, touchpoint("evt-" + UUID.randomUUID(), "acct-rotate"))).isEqualTo(202);
        assertThat(postWithKey(second, touchpoint("evt-" + UUID.randomUUID(), "acct-rotate"))).isEqualTo(202);

        as(tenant, Roles.ADMIN).when().delete("/v1/api-keys/" + keyId(first))
                .then().statusCode(200).body("revokedAt", not(nullValue()));
        issue(tenant, "salesforce");
    }

    @Test
    void aRevokedKeyStopsAtOnceRevokingAgainChangesNothingAndAnotherTenantCannotTouchIt() {
        String tenant = newTenant();
        String key = issue(tenant, "pardot");
        assertThat(postWithKey(key, touchpoint("evt-" + UUID.randomUUID(), "acct-revoke"))).isEqualTo(202);

        as(newTenant(), Roles.ADMIN).when().delete("/v1/api-keys/" + keyId(key))
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(postWithKey(key, touchpoint("evt-" + UUID.randomUUID(), "acct-revoke"))).isEqualTo(202);

        String revokedAt = as(tenant, Roles.ADMIN).when().delete("/v1/api-keys/" + keyId(key))
                .then().statusCode(200).extract().path("revokedAt");
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(touchpoint("evt-" + UUID.randomUUID(), "acct-revoke"))
                .when().post("/v1/touchpoints")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        as(tenant, Roles.ADMIN).when().delete("/v1/api-keys/" + keyId(key))
                .then().statusCode(200).body("revokedAt", equalTo(revokedAt));
    }

    @Test
    void aKeyRevokedByAnotherInstanceStopsWithinTheCacheLifetime() throws Exception {
        String tenant = newTenant();
        String key = issue(tenant, "eloqua");
        assertThat(postWithKey(key, touchpoint("evt-" + UUID.randomUUID(), "acct-expiry"))).isEqualTo(202);

        // straight in the table, as another instance would: only the cache's expiry can end it here
        LocalPostgres postgres = TandemInfrastructureResource.infrastructure().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ingest"), LocalPostgres.USER, "");
                PreparedStatement revoke = connection.prepareStatement(
                        "UPDATE api_keys SET revoked_at = now(), revoked_by = 'elsewhere' WHERE key_id = ?")) {
            revoke.setString(1, keyId(key));
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> postWithKey(key, touchpoint("evt-" + UUID.randomUUID(), "acct-expiry")) == 401);
    }

    @Test
    void madeUpMalformedAndMislabelledKeysAreRefused() {
        String madeUp = "tdm_0123456789abcdef_" + "A".repeat(43);
        assertThat(postWithKey(madeUp, touchpoint("evt-1", "acct"))).isEqualTo(401);
        assertThat(postWithKey("tdm_short", touchpoint("evt-1", "acct"))).isEqualTo(401);

        String tenant = newTenant();
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body("{\"system\":\"Not A System!\",\"label\":\"\"}")
                .when().post("/v1/api-keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/system")).body("errors.field", hasItem("/label"));
        as(tenant, Roles.INGEST).contentType(ContentType.JSON).body("{\"system\":\"crm\",\"label\":\"x\"}")
                .when().post("/v1/api-keys").then().statusCode(403);
    }
}
