package dev.tandem.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.pii.PiiField;
import dev.tandem.pii.SealedPii;
import dev.tandem.support.vault.ContactKeyVault;
import jakarta.inject.Inject;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class TouchpointIngestTest {

    @Inject
    ContactKeyVault vault;

    private final KafkaTestClient kafka =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    private static String touchpoint(String eventId, String account, String type) {
        return """
                {"eventId":"%s","accountKey":"%s","type":"%s","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z",
                 "contact":{"email":"Dana.Lee@Example.com","name":"Dana Lee","title":"CFO"},
                 "properties":{"campaign":"q4-webinar"}}
                """.formatted(eventId, account, type);
    }

    /** A request with an ingest token of tenant {@code dev}. */
    private static RequestSpecification asIngest() {
        return asTenant("dev", Roles.INGEST);
    }

    private static RequestSpecification asTenant(String tenant, String... roles) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(roles), Duration.ofMinutes(10)));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void acceptedTouchpointIsOnTheLogKeyedByTenantAndAccountWithoutPersonalData() {
        String eventId = unique("evt");
        String account = unique("acme");
        asIngest().contentType(ContentType.JSON).body(touchpoint(eventId, account, "webinar.attended"))
                .when().post("/v1/touchpoints")
                .then().statusCode(202).body("accepted", equalTo(1)).body("eventIds", hasItem(eventId));

        List<ConsumerRecord<String, String>> records =
                kafka.recordsContaining(Topics.TOUCHPOINTS, eventId, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo("dev/" + account);
        assertThat(record.value()).doesNotContainIgnoringCase("dana.lee@example.com").doesNotContain("Dana Lee");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(CloudEventTypes.TOUCHPOINT);
        assertThat(record.headers().lastHeader("ce_id")).isNotNull();

        TouchpointV1 published = EventJson.read(record.value(), TouchpointV1.class);
        assertThat(published.tenantId()).isEqualTo("dev");
        assertThat(published.source()).isEqualTo(TouchpointSource.MARKETING);
        assertThat(published.direction()).isEqualTo(Direction.BUYER_INITIATED);
        assertThat(published.occurredAt()).isEqualTo(Instant.parse("2026-11-20T10:15:30Z"));
        assertThat(published.contactKey()).startsWith("c_");
        // the title is sealed under the contact's data key: on the log it reads as nothing
        assertThat(record.value()).doesNotContain("CFO");
        assertThat(SealedPii.isSealed(published.contactTitle())).isTrue();
        assertThat(vault.openBlocking(published.contactTitle(), PiiField.TITLE)).isEqualTo("CFO");

        List<ConsumerRecord<String, String>> contacts =
                kafka.recordsContaining(Topics.CONTACTS, published.contactKey(), Duration.ofSeconds(20));
        assertThat(contacts).isNotEmpty();
        assertThat(contacts.get(0).value()).doesNotContainIgnoringCase("dana.lee@example.com")
                .doesNotContain("Dana Lee").doesNotContain("CFO");
        ContactProfileV1 profile = EventJson.read(contacts.get(0).value(), ContactProfileV1.class);
        assertThat(SealedPii.keyIdOf(profile.name())).isEqualTo(SealedPii.keyIdOf(published.contactTitle()));
        assertThat(vault.openBlocking(profile.name(), PiiField.NAME)).isEqualTo("Dana Lee");
        assertThat(vault.openBlocking(profile.email(), PiiField.EMAIL)).isEqualTo("Dana.Lee@Example.com");
        // sealed for one field, a value does not open as another
        assertThat(vault.openBlocking(profile.name(), PiiField.EMAIL)).isNull();
        assertThat(contacts.get(0).key()).isEqualTo("dev/" + published.contactKey());
    }

    @Test
    void acceptsAnArrayAndAnswersWithEveryEventId() {
        String account = unique("globex");
        String first = unique("evt");
        String second = unique("evt");
        asIngest().contentType(ContentType.JSON)
                .body("[" + touchpoint(first, account, "email.clicked") + ","
                        + touchpoint(second, account, "tenant.custom_signal") + "]")
                .when().post("/v1/touchpoints")
                .then().statusCode(202).body("accepted", equalTo(2)).body("eventIds", equalTo(List.of(first, second)));

        List<ConsumerRecord<String, String>> records =
                kafka.recordsContaining(Topics.TOUCHPOINTS, account, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> EventJson.read(r.value(), TouchpointV1.class).eventId())
                .containsExactly(first, second);
    }

    @Test
    void anArrayWhoseEveryItemIsInvalidIsRefusedNamingEachFieldAndPublishesNothing() {
        String account = unique("initech");
        String first = unique("evt");
        String second = unique("evt");
        asIngest().contentType(ContentType.JSON)
                .body("[" + touchpoint(first, account, "Email.Clicked") + ","
                        + touchpoint(second, account, "email.clicked").replace("\"marketing\"", "\"radio\"") + "]")
                .when().post("/v1/touchpoints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("/0/type", "/1/source")));

        // a later touchpoint of the same account lands on the same partition after anything sent before it
        String sentinel = unique("evt");
        asIngest().contentType(ContentType.JSON).body(touchpoint(sentinel, account, "email.opened"))
                .when().post("/v1/touchpoints").then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20));
        assertThat(records).anyMatch(r -> r.value().contains(sentinel));
        assertThat(records).noneMatch(r -> r.value().contains(first) || r.value().contains(second));
    }

    @Test
    void missingFieldsAndBadValuesAreNamed() {
        asIngest().contentType(ContentType.JSON)
                .body("""
                        {"accountKey":"a1","type":"email.clicked","source":"radio","occurredAt":"yesterday",
                         "contact":{"email":"not-an-email"}}""")
                .when().post("/v1/touchpoints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/eventId"))
                .body("errors.field", hasItem("/source"))
                .body("errors.field", hasItem("/occurredAt"))
                .body("errors.field", hasItem("/contact/email"));
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        asIngest().contentType(ContentType.JSON).body("{\"eventId\": ")
                .when().post("/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void emptyArrayAndScalarBodiesAreRefused() {
        asIngest().contentType(ContentType.JSON).body("[]")
                .when().post("/v1/touchpoints").then().statusCode(400).contentType("application/problem+json");
        asIngest().contentType(ContentType.JSON).body("42")
                .when().post("/v1/touchpoints").then().statusCode(400).contentType("application/problem+json");
    }

    /** The management interface's root is /q: this is /q/health/ready on the management port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL managementHealth;

    @Test
    void healthAndMetricsAreOnTheManagementPortAndOpenApiBesideTheApi() {
        given().when().get(managementHealth).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(managementHealth.toString().replace("/q/health/ready", "/q/metrics")).then()
                .statusCode(200);
        // not beside the API: whatever exposes the API does not expose them
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/touchpoints'.post.responses.'202'.description",
                        equalTo("Each item's result; the accepted ones are on the touchpoint log"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void withoutAnAccountKeyTheEmailDomainNamesTheAccountThroughTheTenantsMapping() {
        String eventId = unique("evt");
        asIngest().contentType(ContentType.JSON).body("""
                {"eventId":"%s","type":"pricing.viewed","source":"marketing","occurredAt":"2026-11-20T10:15:30Z",
                 "contact":{"email":"kim@emea.globex.com","title":"VP Operations"}}""".formatted(eventId))
                .when().post("/v1/touchpoints")
                .then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.recordsContaining(Topics.TOUCHPOINTS, eventId, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("dev/globex-logistics");
        assertThat(EventJson.read(records.get(0).value(), TouchpointV1.class).accountKey())
                .isEqualTo("globex-logistics");
    }

    @Test
    void withoutAnAccountKeyAPersonalMailboxIsRefusedNamingTheEmail() {
        asIngest().contentType(ContentType.JSON).body("""
                {"eventId":"e-personal","type":"pricing.viewed","source":"marketing",
                 "occurredAt":"2026-11-20T10:15:30Z","contact":{"email":"kim@gmail.com"}}""")
                .when().post("/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/contact/email"));
    }

    @Test
    void withoutABearerTokenNothingIsPublishedAndTheAnswerIsAChallenge() {
        String account = unique("acme");
        given().contentType(ContentType.JSON).body(touchpoint(unique("evt"), account, "web.visited"))
                .when().post("/v1/touchpoints")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON)
                .body(touchpoint(unique("evt"), account, "web.visited"))
                .when().post("/v1/touchpoints")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
        asTenant("dev", Roles.SELLER).contentType(ContentType.JSON)
                .body(touchpoint(unique("evt"), account, "web.visited"))
                .when().post("/v1/touchpoints")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        // a sentinel after them: none of the refused ones reached the log before it
        String sentinel = unique("evt");
        asIngest().contentType(ContentType.JSON).body(touchpoint(sentinel, account, "web.visited"))
                .when().post("/v1/touchpoints").then().statusCode(202);
        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(sentinel), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> r.key().endsWith("/" + account)).hasSize(1);
    }

    @Test
    void theTenantComesFromTheTokenNeverFromTheBody() {
        String eventId = unique("evt");
        String account = unique("acme");
        String body = touchpoint(eventId, account, "webinar.attended").replaceFirst("\\{", "{\"tenantId\":\"dev\",");
        asTenant("northwind-corp", Roles.INGEST).contentType(ContentType.JSON).body(body)
                .when().post("/v1/touchpoints")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(202), equalTo(400)));
        asTenant("northwind-corp", Roles.INGEST).contentType(ContentType.JSON)
                .body(touchpoint(eventId, account, "webinar.attended"))
                .when().post("/v1/touchpoints").then().statusCode(202);

        List<ConsumerRecord<String, String>> records =
                kafka.readUntil(Topics.TOUCHPOINTS, r -> r.value().contains(eventId), Duration.ofSeconds(20));
        assertThat(records).filteredOn(r -> r.value().contains(eventId)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("northwind-corp/" + account);
            assertThat(EventJson.read(r.value(), TouchpointV1.class).tenantId()).isEqualTo("northwind-corp");
        });
    }
}
