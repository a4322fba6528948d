package dev.tandem.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
import dev.tandem.support.security.Roles;
import dev.tandem.support.vault.ContactKeyVault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/admin/rebuilds {"projection":"designer"}}: the sellers' read model rebuilt from the real log into
 * a new generation equals the live one (erased people stay erased, old snapshots that arrived late stay old,
 * repeated touchpoints stay single), it becomes current without the seller view going away, the old generation is
 * dropped, and the live consumers go on in the new one.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class ReadModelRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    private static final List<String> COLLECTIONS = List.of("account_journeys", "account_timelines", "contacts");

    @Inject
    MongoClient mongo;

    @Inject
    ContactKeyVault vault;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aRebuiltReadModelEqualsTheLiveOneAndReplacesIt() {
        String tenant = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "globex";
        String known = "c-known";
        String erased = "c-erased";
        KAFKA.send(Topics.CONTACTS, EventKeys.contact(tenant, known), EventJson.write(ContactSealing.seal(
                profile(tenant, known, "Hank Scorpio", "CEO"), storedKey(tenant, known))));
        // sealed under a key the vault does not hold: an erased person, whose name must never come back
        KAFKA.send(Topics.CONTACTS, EventKeys.contact(tenant, erased), EventJson.write(ContactSealing.seal(
                profile(tenant, erased, "Frank Grimes", "Safety Inspector"), ContactDataKey.generate())));
        String key = EventKeys.account(tenant, account);
        KAFKA.send(Topics.ACCOUNT_SNAPSHOTS, key, EventJson.write(snapshot(tenant, account, 3, 55, known, erased)));
        // an older snapshot arriving late changes nothing, live or rebuilt
        KAFKA.send(Topics.ACCOUNT_SNAPSHOTS, key, EventJson.write(snapshot(tenant, account, 2, 10, known, erased)));
        KAFKA.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 1, "tp-a", known, 0));
        KAFKA.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 2, "tp-b", erased, 1));
        KAFKA.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 1, "tp-a", known, 0));
        // the contacts have a consumer of their own: the live model is whole once both are written too (the
        // erased one as a marker without a name), not only when the seller view shows the known one
        await().atMost(PATIENCE).until(() -> {
            JsonPath view = journey(tenant, account);
            return view != null && view.getInt("momentum") == 55 && view.getList("timeline").size() == 2
                    && "Hank Scorpio".equals(view.getString("committee[0].name"))
                    && documentsOf(tenant, ReadModelCollections.currentGeneration(mongo)).get("contacts").size() == 2;
        });
        int liveGeneration = ReadModelCollections.currentGeneration(mongo);
        Map<String, List<Document>> live = documentsOf(tenant, liveGeneration);
        JsonPath liveView = journey(tenant, account);

        String location = given().auth().oauth2(operatorToken()).contentType("application/json")
                .body("{\"projection\":\"designer\"}")
                .when().post("/v1/admin/rebuilds")
                .then().statusCode(202).body("projection", equalTo("designer"))
                .extract().header("Location");
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(operatorToken()).when().get(location)
                .then().extract().path("finishedAt") != null);
        given().auth().oauth2(operatorToken()).when().get(location).then().statusCode(200)
                .body("state", equalTo("done"));

        int rebuilt = ReadModelCollections.currentGeneration(mongo);
        assertThat(rebuilt).isEqualTo(liveGeneration + 1);
        assertThat(documentsOf(tenant, rebuilt)).isEqualTo(live);
        assertThat(live.get("contacts")).anySatisfy(contact -> assertThat(contact.get("name")).isEqualTo(
                "Hank Scorpio"));
        assertThat(live.get("contacts")).noneSatisfy(contact -> assertThat(contact.get("name")).isEqualTo(
                "Frank Grimes"));
        JsonPath rebuiltView = journey(tenant, account);
        for (String field : List.of("momentum", "accountVersion", "committee", "timeline")) {
            assertThat((Object) rebuiltView.get(field)).as(field).isEqualTo(liveView.get(field));
        }
        List<String> collections = mongo.getDatabase(ReadModelCollections.DATABASE).listCollectionNames()
                .into(new java.util.ArrayList<>());
        for (String base : COLLECTIONS) {
            assertThat(collections).as("the replaced generation is dropped")
                    .doesNotContain(dev.tandem.designer.repository.ReadModelStore.collectionName(base,
                            liveGeneration));
        }

        // the live consumers write into the new generation
        KAFKA.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 3, "tp-c", known, 2));
        await().atMost(PATIENCE).until(() -> journey(tenant, account).getList("timeline").size() == 3);
    }

    @Test
    void anUnknownProjectionOrRebuildIsAProblem() {
        given().auth().oauth2(operatorToken()).contentType("application/json").body("{\"projection\":\"kpi\"}")
                .when().post("/v1/admin/rebuilds")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("/projection"));
        given().auth().oauth2(operatorToken()).when().get("/v1/admin/rebuilds/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    /** The tenant's documents of each collection of a generation, by collection, without the projection time. */
    private Map<String, List<Document>> documentsOf(String tenant, int generation) {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String base : COLLECTIONS) {
            List<Document> found = mongo.getDatabase(ReadModelCollections.DATABASE)
                    .getCollection(dev.tandem.designer.repository.ReadModelStore.collectionName(base, generation))
                    .find(Filters.eq("tenantId", tenant)).into(new java.util.ArrayList<>());
            found.forEach(document -> {
                document.remove("projectedAt");
                document.remove("revision"); // how many writes made the timeline, not what it holds
            });
            found.sort(java.util.Comparator.comparing(document -> document.getString("_id")));
            documents.put(base, found);
        }
        return documents;
    }

    private static JsonPath journey(String tenant, String account) {
        var response = given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(Roles.SELLER), Duration.ofMinutes(5)))
                .when().get("/v1/accounts/{key}/journey", account);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static String operatorToken() {
        return TandemInfrastructureResource.infrastructure().signingKey()
                .token("ops", Set.of(Roles.OPERATOR), Duration.ofMinutes(5));
    }

    private ContactDataKey storedKey(String tenant, String contactKey) {
        ContactDataKey key = ContactDataKey.generate();
        vault.pool().preparedQuery("INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key.keyId(), tenant, contactKey,
                        io.vertx.core.buffer.Buffer.buffer(vault.wrapping().wrap(key))))
                .await().atMost(Duration.ofSeconds(10));
        return key;
    }

    private static ContactProfileV1 profile(String tenant, String contactKey, String name, String title) {
        return new ContactProfileV1(tenant, contactKey, contactKey + "@example.com", name, title, DAY);
    }

    private static AccountSnapshotV1 snapshot(String tenant, String account, long version, int momentum,
            String first, String second) {
        return new AccountSnapshotV1(tenant, account, version, momentum, 3, Map.of("sales", 3L), DAY,
                List.of(new AccountSnapshotV1.Member(first, CommitteeRole.ECONOMIC_BUYER, RoleSource.INFERRED, 0.9,
                                2, DAY),
                        new AccountSnapshotV1.Member(second, CommitteeRole.CHAMPION, RoleSource.INFERRED, 0.4, 1,
                                DAY)), null, null);
    }

    private static String recorded(String tenant, String account, long version, String touchpointId,
            String contactKey, int days) {
        return EventJson.write(new JourneyEventV1(JourneyEventV1.eventIdOf(tenant, account, version), tenant, account,
                version, DAY.plus(Duration.ofDays(days)), List.of(touchpointId),
                new JourneyEventV1.TouchpointRecorded(touchpointId, "meeting.held", TouchpointSource.SALES,
                        Direction.SELLER_INITIATED, contactKey, 1.0)));
    }
}
