package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.pii.PiiField;
import dev.tandem.pii.SealedPii;
import dev.tandem.support.security.Roles;
import dev.tandem.support.vault.ContactKeyVault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Erasure on the real broker and the real vault database: keys deleted, requests published, confirmations. */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class ErasureTest {

    private static final String DESIGNER = "interaction-designer-api";

    @Inject
    ContactKeyVault vault;

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(role), Duration.ofMinutes(10)));
    }

    private static String tenant() {
        return "erasure-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Posts a touchpoint of the person and answers their sealed profile as it reached the log. */
    private ContactProfileV1 personSends(String tenant, String email, String name) {
        String eventId = "evt-" + UUID.randomUUID();
        as(tenant, Roles.INGEST).contentType(ContentType.JSON).body("""
                        {"eventId":"%s","accountKey":"northwind","type":"webinar.attended","source":"marketing",
                         "occurredAt":"2026-11-20T10:15:30Z",
                         "contact":{"email":"%s","name":"%s","title":"Chief Financial Officer"}}"""
                        .formatted(eventId, email, name))
                .when().post("/v1/touchpoints").then().statusCode(202);
        String contactKey = EventJson.read(kafka.recordsContaining(Topics.TOUCHPOINTS, eventId, Duration.ofSeconds(20))
                .get(0).value(), dev.tandem.events.TouchpointV1.class).contactKey();
        List<ConsumerRecord<String, String>> profiles = kafka.readUntil(Topics.CONTACTS,
                r -> r.key().equals(EventKeys.contact(tenant, contactKey)) && r.value() != null,
                Duration.ofSeconds(20));
        return profiles.stream().filter(r -> r.key().equals(EventKeys.contact(tenant, contactKey))
                && r.value() != null).map(r -> EventJson.read(r.value(), ContactProfileV1.class)).reduce((a, b) -> b)
                .orElseThrow();
    }

    private long storedKeys(String keyId) {
        return vault.pool().preparedQuery("SELECT count(*) FROM contact_keys WHERE key_id = $1")
                .execute(Tuple.of(keyId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private ValidatableResponse erasure(String tenant, String id) {
        return as(tenant, Roles.ADMIN).when().get("/v1/erasures/" + id).then();
    }

    private void confirmAsDesigner(String tenant, String erasureId, String contactKey) {
        ErasureV1 confirmation = ErasureV1.requested(tenant, erasureId, contactKey, Instant.now())
                .confirmedBy(DESIGNER, Instant.now());
        kafka.send(Topics.ERASURES, EventKeys.contact(tenant, contactKey), EventJson.write(confirmation));
    }

    @Test
    void erasingByEmailDeletesTheKeyPublishesTheRequestAndCompletesOnConfirmation() {
        String tenant = tenant();
        ContactProfileV1 profile = personSends(tenant, "Maria.Chen@northwind.com", "Maria Chen");
        String keyId = SealedPii.keyIdOf(profile.email()).orElseThrow();
        assertThat(storedKeys(keyId)).isEqualTo(1);

        String id = as(tenant, Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"email\":\" maria.chen@NORTHWIND.com \"}")
                .when().post("/v1/erasures")
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/erasures/er_"))
                .body("contactKey", equalTo(profile.contactKey()))
                .body("keysDeleted", equalTo(1))
                .extract().path("id");

        // the key is gone at once: every sealed copy of the email, name and title is unreadable from now on
        assertThat(storedKeys(keyId)).isZero();
        vault.forget(tenant, profile.contactKey());
        assertThat(vault.openBlocking(profile.name(), PiiField.NAME)).isNull();
        assertThat(vault.openBlocking(profile.email(), PiiField.EMAIL)).isNull();

        String key = EventKeys.contact(tenant, profile.contactKey());
        assertThat(kafka.readUntil(Topics.CONTACTS, r -> r.key().equals(key) && r.value() == null,
                Duration.ofSeconds(20))).anyMatch(r -> r.key().equals(key) && r.value() == null);
        List<ConsumerRecord<String, String>> requests = kafka.readUntil(Topics.ERASURES,
                r -> r.value().contains(id), Duration.ofSeconds(20));
        ErasureV1 request = requests.stream().filter(r -> r.value().contains(id))
                .map(r -> EventJson.read(r.value(), ErasureV1.class)).findFirst().orElseThrow();
        assertThat(request.step()).isEqualTo(ErasureV1.REQUESTED);
        assertThat(request.contactKey()).isEqualTo(profile.contactKey());
        assertThat(requests.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().value())
                .doesNotContainIgnoringCase("maria");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, id).statusCode(200)
                .body("status", equalTo("in-progress")).body("awaiting", hasItem(DESIGNER)));
        confirmAsDesigner(tenant, id, profile.contactKey());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, id).statusCode(200)
                .body("status", equalTo("completed")).body("confirmedBy", hasItem(DESIGNER))
                .body("requestedBy", not(equalTo(null))));
    }

    @Test
    void aRepeatedRequestIsTheSameErasureUntilSomethingNewArrives() {
        String tenant = tenant();
        ContactProfileV1 profile = personSends(tenant, "sam.ode@northwind.com", "Sam Ode");
        String body = "{\"contactKey\":\"" + profile.contactKey() + "\"}";
        String first = as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/v1/erasures").then().statusCode(202).extract().path("id");
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/v1/erasures").then().statusCode(200).body("id", equalTo(first));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, first)
                .body("status", equalTo("in-progress")));
        confirmAsDesigner(tenant, first, profile.contactKey());
        confirmAsDesigner(tenant, first, profile.contactKey());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, first)
                .body("status", equalTo("completed")).body("confirmedBy.size()", equalTo(1)));
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/v1/erasures").then().statusCode(200).body("id", equalTo(first));

        // the person comes back: a new key, and erasing them again is a new erasure
        ContactProfileV1 again = personSends(tenant, "sam.ode@northwind.com", "Sam Ode");
        assertThat(SealedPii.keyIdOf(again.email())).isNotEqualTo(SealedPii.keyIdOf(profile.email()));
        String second = as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/v1/erasures").then().statusCode(202).body("keysDeleted", equalTo(1))
                .extract().path("id");
        assertThat(second).isNotEqualTo(first);
        as(tenant, Roles.ADMIN).when().get("/v1/erasures").then().statusCode(200)
                .body("id", hasItem(first)).body("id", hasItem(second)).body("[0].id", equalTo(second));
    }

    @Test
    void aRequestRecordedBeforeACrashReachesTheLog() {
        String tenant = tenant();
        String contactKey = "c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String id = "er_" + UUID.randomUUID().toString().replace("-", "");
        // as the vault holds it when the instance died between its commit and the broker's acknowledgement
        vault.pool().preparedQuery("INSERT INTO erasures (erasure_id, tenant_id, contact_key, requested_by, "
                        + "requested_at, keys_deleted) VALUES ($1, $2, $3, 'admin-before-crash', $4, 1)")
                .execute(Tuple.of(id, tenant, contactKey, Instant.now().atOffset(ZoneOffset.UTC)))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(kafka.readUntil(Topics.ERASURES, r -> r.value().contains(id), Duration.ofSeconds(20)))
                .anyMatch(r -> r.value().contains(id));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, id).statusCode(200)
                .body("status", equalTo("in-progress")).body("requestedBy", equalTo("admin-before-crash")));
    }

    @Test
    void aConfirmationWithoutItsTenantIsDeadLetteredAndTheNextOneCounts() {
        String tenant = tenant();
        ContactProfileV1 profile = personSends(tenant, "ola.berg@northwind.com", "Ola Berg");
        String id = as(tenant, Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"contactKey\":\"" + profile.contactKey() + "\"}")
                .when().post("/v1/erasures").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, id)
                .body("status", equalTo("in-progress")));
        kafka.send(Topics.ERASURES, EventKeys.contact(tenant, profile.contactKey()), EventJson.write(
                new ErasureV1(null, id, profile.contactKey(), ErasureV1.CONFIRMED, DESIGNER, Instant.now())));
        confirmAsDesigner(tenant, id, profile.contactKey());

        assertThat(kafka.readUntil(Topics.DLQ_JOURNEY_INGEST, r -> r.value() != null && r.value().contains(id),
                Duration.ofSeconds(20))).anyMatch(r -> r.value() != null && r.value().contains(id)
                        && r.headers().lastHeader("dead-letter-reason") != null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> erasure(tenant, id)
                .body("status", equalTo("completed")));
    }

    @Test
    void aRequestMustNameThePersonOnceAndWell() {
        String tenant = tenant();
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/erasures").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(""));
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.example\",\"contactKey\":\"c_0123456789abcdef01234567\"}")
                .when().post("/v1/erasures").then().statusCode(400).body("errors.field", hasItem(""));
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body("{\"email\":\"no-at-sign\"}")
                .when().post("/v1/erasures").then().statusCode(400).body("errors.field", hasItem("/email"));
        as(tenant, Roles.ADMIN).contentType(ContentType.JSON).body("{\"contactKey\":\"maria\"}")
                .when().post("/v1/erasures").then().statusCode(400).body("errors.field", hasItem("/contactKey"));
        as(tenant, Roles.ADMIN).when().get("/v1/erasures?limit=0").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        as(tenant, Roles.ADMIN).when().get("/v1/erasures").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherTenantNeitherSeesNorErasesAnOwnersErasure() {
        String owner = tenant();
        ContactProfileV1 profile = personSends(owner, "li.wong@northwind.com", "Li Wong");
        String id = as(owner, Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"contactKey\":\"" + profile.contactKey() + "\"}")
                .when().post("/v1/erasures").then().statusCode(202).extract().path("id");
        String other = tenant();
        erasure(other, id).statusCode(404).contentType("application/problem+json");
        as(other, Roles.ADMIN).when().get("/v1/erasures").then().statusCode(200).body("id", not(hasItem(id)));
    }
}
