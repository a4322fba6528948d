package dev.tandem.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.tandem.events.ErasureV1;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
import dev.tandem.support.vault.ContactKeyVault;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The projection end to end: real records on the real broker, the real consumer, the MongoDB wire server, the
 * HTTP API. Every test uses its own account and contact keys. Where a test must know that a record which should
 * change nothing was processed, it sends a marker record to the same partition afterwards: one partition is
 * processed in order, so once the marker is visible the record before it was handled.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class AccountJourneyProjectionTest {

    private static final String TENANT = "dev";

    /** A request with a seller token of the test's tenant, signed with the key the service trusts. */
    private static io.restassured.specification.RequestSpecification asTenantUser() {
        return given().auth().oauth2(dev.tandem.infra.TandemInfrastructureResource.infrastructure().signingKey()
                .token(TENANT, java.util.Set.of("seller"), java.time.Duration.ofMinutes(30)));
    }
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());


    @Inject
    MongoClient mongo;

    @Inject
    ContactKeyVault vault;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void snapshotIsProjectedWithNamesJoinedAndMostEngagedFirst() throws Exception {
        String account = unique("acme");
        String dana = unique("c");
        String sam = unique("c");
        sendContact(profile(dana, "Dana Lee", "CFO"));
        sendSnapshot(snapshot(account, 3, 64, List.of(
                member(dana, CommitteeRole.ECONOMIC_BUYER, 0.4567),
                member(sam, CommitteeRole.CHAMPION, 1.2345))));

        awaitJourney(account, json -> "Dana Lee".equals(json.getString("committee[1].name")));
        journey(account)
                .body("accountKey", equalTo(account))
                .body("version", equalTo(3))
                .body("momentum", equalTo(64))
                .body("touchpointCount", equalTo(7))
                .body("committee.size()", equalTo(2))
                .body("committee[0].contactKey", equalTo(sam))
                .body("committee[0].role", equalTo("champion"))
                .body("committee[0].engagement", equalTo(1.23f))
                .body("committee[0].name", nullValue())
                .body("committee[1].contactKey", equalTo(dana))
                .body("committee[1].role", equalTo("economic_buyer"))
                .body("committee[1].roleSource", equalTo("inferred"))
                .body("committee[1].title", equalTo("CFO"))
                .body("committee[1].engagement", equalTo(0.46f));

        Document stored = ReadModelCollections.current(mongo, "account_journeys")
                .find(Filters.eq("_id", EventKeys.account(TENANT, account))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("tenantId")).isEqualTo(TENANT);
    }

    @Test
    void olderOrEqualVersionArrivingLaterChangesNothing() throws Exception {
        String account = unique("globex");
        String contact = unique("c");
        RecordMetadata newest = sendSnapshot(snapshot(account, 5, 70, List.of(member(contact,
                CommitteeRole.CHAMPION, 2.0))));
        awaitJourney(account, json -> json.getInt("version") == 5);

        sendSnapshot(snapshot(account, 3, 10, List.of()));
        sendSnapshot(snapshot(account, 5, 99, List.of()));
        String marker = sendMarkerAfter(newest.partition());

        awaitJourney(marker, json -> true);
        journey(account).body("version", equalTo(5)).body("momentum", equalTo(70))
                .body("committee[0].contactKey", equalTo(contact));
        assertThat(KAFKA.readUntil(Topics.DLQ_DESIGNER_API, record -> false, Duration.ofSeconds(2)))
                .as("a stale snapshot is skipped, not dead-lettered")
                .noneMatch(record -> record.value() != null && record.value().contains(account));
    }

    @Test
    void unknownAccountAnswers404ProblemDetails() {
        asTenantUser().when().get("/v1/accounts/{key}/journey", unique("nobody"))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Unknown account"));
    }

    @Test
    void anotherTenantsAccountIsNotVisible() throws Exception {
        String account = unique("initech");
        AccountSnapshotV1 foreign = new AccountSnapshotV1("other-tenant", account, 1, 50, 1,
                Map.of("sales", 1L), Instant.parse("2026-11-20T10:00:00Z"), List.of(), null, null);
        RecordMetadata sent = send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account("other-tenant", account),
                EventJson.write(foreign));
        String marker = sendMarkerAfter(sent.partition());

        awaitJourney(marker, json -> true);
        assertThat(ReadModelCollections.current(mongo, "account_journeys")
                .countDocuments(Filters.eq("_id", EventKeys.account("other-tenant", account)))).isEqualTo(1);
        journey(account).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void poisonSnapshotIsDeadLetteredAndLaterRecordsAreStillProjected() throws Exception {
        String poisonId = unique("poison");
        RecordMetadata poison = send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account(TENANT, poisonId),
                "this is not JSON " + poisonId);
        String after = sendMarkerAfter(poison.partition());

        List<ConsumerRecord<String, String>> dead =
                KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, poisonId, PATIENCE);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(EventKeys.account(TENANT, poisonId));
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("AccountSnapshotV1");
        assertThat(header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.ACCOUNT_SNAPSHOTS);
        awaitJourney(after, json -> true);
    }

    @Test
    void snapshotWhoseKeyDisagreesWithItsBodyIsDeadLettered() throws Exception {
        String account = unique("mismatch");
        AccountSnapshotV1 snapshot = snapshot(account, 1, 5, List.of());
        send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account("other-tenant", account), EventJson.write(snapshot));

        assertThat(KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, account, PATIENCE)).hasSize(1);
        journey(account).statusCode(404);
    }

    @Test
    void poisonContactIsDeadLetteredAndLaterContactsStillProjected() throws Exception {
        String poisonKey = unique("c");
        send(Topics.CONTACTS, null, EventKeys.contact(TENANT, poisonKey), "{broken " + poisonKey);
        assertThat(KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, poisonKey, PATIENCE)).hasSize(1);

        String account = unique("hooli");
        String contact = unique("c");
        sendContact(profile(contact, "Ari Gold", "CTO"));
        sendSnapshot(snapshot(account, 1, 20, List.of(member(contact, CommitteeRole.TECHNICAL_EVALUATOR, 0.5))));
        awaitJourney(account, json -> "Ari Gold".equals(json.getString("committee[0].name")));
    }

    @Test
    void contactTombstoneErasesTheProfileAndTheJoinedName() throws Exception {
        String account = unique("umbrella");
        String contact = unique("c");
        sendContact(profile(contact, "Kim Park", "Head of Security"));
        sendSnapshot(snapshot(account, 2, 40, List.of(member(contact, CommitteeRole.LEGAL_SECURITY, 0.9))));
        awaitJourney(account, json -> "Kim Park".equals(json.getString("committee[0].name")));
        Document profile = contacts().find(Filters.eq("_id", EventKeys.contact(TENANT, contact))).first();
        assertThat(profile).isNotNull();
        assertThat(profile.containsKey("email")).as("emails stay out of the sellers' read model").isFalse();

        send(Topics.CONTACTS, null, EventKeys.contact(TENANT, contact), null);

        awaitJourney(account, json -> json.getString("committee[0].name") == null);
        journey(account).statusCode(200)
                .body("committee[0].contactKey", equalTo(contact))
                .body("committee[0].title", nullValue());
        assertNamesNoOne(contact);
    }

    @Test
    void sealedProfilesAreOpenedWithTheVaultsKeyAndOneWhoseKeyIsGoneIsNeverStored() throws Exception {
        String account = unique("initech");
        String known = unique("c");
        String erased = unique("c");
        ContactDataKey key = storedKey(known);
        sendContact(ContactSealing.seal(profile(known, "Ana Ruiz", "CFO"), key));
        sendContact(ContactSealing.seal(profile(erased, "Bo Lind", "CTO"), ContactDataKey.generate()));
        sendSnapshot(snapshot(account, 1, 30, List.of(member(known, CommitteeRole.ECONOMIC_BUYER, 0.8),
                member(erased, CommitteeRole.TECHNICAL_EVALUATOR, 0.4))));

        awaitJourney(account, json -> "Ana Ruiz".equals(json.getString("committee[0].name")));
        journey(account).statusCode(200).body("committee[0].title", equalTo("CFO"))
                .body("committee[1].contactKey", equalTo(erased)).body("committee[1].name", nullValue());
        assertNamesNoOne(erased);
    }

    @Test
    void anErasureRequestDeletesTheProfileAndIsConfirmedOnTheLog() throws Exception {
        String account = unique("hooli");
        String contact = unique("c");
        sendContact(ContactSealing.seal(profile(contact, "Gavin Belson", "CEO"), storedKey(contact)));
        sendSnapshot(snapshot(account, 1, 30, List.of(member(contact, CommitteeRole.ECONOMIC_BUYER, 0.8))));
        awaitJourney(account, json -> "Gavin Belson".equals(json.getString("committee[0].name")));

        String erasureId = "er_" + UUID.randomUUID().toString().replace("-", "");
        // not an erasure step, and one without its tenant: dead-lettered, and the request behind them is handled
        send(Topics.ERASURES, null, EventKeys.contact(TENANT, contact), "{not an erasure " + erasureId);
        send(Topics.ERASURES, null, EventKeys.contact(TENANT, contact), EventJson.write(
                new ErasureV1(null, erasureId, contact, ErasureV1.REQUESTED, null, Instant.now())));
        send(Topics.ERASURES, null, EventKeys.contact(TENANT, contact),
                EventJson.write(ErasureV1.requested(TENANT, erasureId, contact, Instant.now())));

        awaitJourney(account, json -> json.getString("committee[0].name") == null);
        assertNamesNoOne(contact);
        List<ConsumerRecord<String, String>> steps = KAFKA.readUntil(Topics.ERASURES,
                r -> r.value().contains(erasureId) && r.value().contains(ErasureV1.CONFIRMED), PATIENCE);
        ErasureV1 confirmation = steps.stream().filter(r -> r.value().startsWith("{\""))
                .map(r -> EventJson.read(r.value(), ErasureV1.class))
                .filter(e -> erasureId.equals(e.erasureId()) && ErasureV1.CONFIRMED.equals(e.step()))
                .findFirst().orElseThrow();
        assertThat(confirmation.service()).isEqualTo("interaction-designer-api");
        assertThat(confirmation.contactKey()).isEqualTo(contact);
        assertThat(KAFKA.readUntil(Topics.DLQ_DESIGNER_API, r -> r.value() != null && r.value().contains(erasureId)
                        && r.value().contains("\"tenantId\":null"), PATIENCE))
                .filteredOn(r -> r.value() != null && r.value().contains(erasureId)).hasSize(2);
    }

    /** A data key for the contact, stored in the vault as journey-ingest stores it. */
    private ContactDataKey storedKey(String contactKey) {
        ContactDataKey key = ContactDataKey.generate();
        vault.pool().preparedQuery("INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key.keyId(), TENANT, contactKey,
                        io.vertx.core.buffer.Buffer.buffer(vault.wrapping().wrap(key))))
                .await().atMost(Duration.ofSeconds(10));
        return key;
    }

    /** The contact's document, if any is left, is an erased contact's tombstone: its key and nothing of them. */
    private void assertNamesNoOne(String contactKey) {
        Document stored = contacts().find(Filters.eq("_id", EventKeys.contact(TENANT, contactKey))).first();
        if (stored != null) {
            assertThat(stored.keySet()).doesNotContain("name", "title", "email", "updatedAt");
            assertThat(stored.getBoolean("erased")).isTrue();
        }
    }

    private com.mongodb.client.MongoCollection<Document> contacts() {
        return ReadModelCollections.current(mongo, "contacts");
    }

    /** Polls the journey without failing assertions (which would log every attempt) until it is ready. */
    private static void awaitJourney(String account, Predicate<JsonPath> ready) {
        await().atMost(PATIENCE).until(() -> {
            Response response = asTenantUser().when().get("/v1/accounts/{key}/journey", account);
            return response.statusCode() == 200 && ready.test(response.jsonPath());
        });
    }

    private static ValidatableResponse journey(String account) {
        return asTenantUser().when().get("/v1/accounts/{key}/journey", account).then();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static AccountSnapshotV1 snapshot(String account, long version, int momentum,
            List<AccountSnapshotV1.Member> committee) {
        return new AccountSnapshotV1(TENANT, account, version, momentum, 7, Map.of("marketing", 4L, "sales", 3L),
                Instant.parse("2026-11-20T10:15:30Z"), committee, null, null);
    }

    private static AccountSnapshotV1.Member member(String contactKey, CommitteeRole role, double engagement) {
        return new AccountSnapshotV1.Member(contactKey, role, RoleSource.INFERRED, engagement, 2,
                Instant.parse("2026-11-20T10:15:30Z"));
    }

    private static ContactProfileV1 profile(String contactKey, String name, String title) {
        return new ContactProfileV1(TENANT, contactKey, contactKey + "@example.com", name, title,
                Instant.parse("2026-11-20T09:00:00Z"));
    }

    private static RecordMetadata sendSnapshot(AccountSnapshotV1 snapshot) throws Exception {
        return send(Topics.ACCOUNT_SNAPSHOTS, null, EventKeys.account(snapshot.tenantId(), snapshot.accountKey()),
                EventJson.write(snapshot));
    }

    private static void sendContact(ContactProfileV1 profile) throws Exception {
        send(Topics.CONTACTS, null, EventKeys.contact(profile.tenantId(), profile.contactKey()),
                EventJson.write(profile));
    }

    /** A fresh account's snapshot on the given partition; visible once everything before it there was handled. */
    private static String sendMarkerAfter(int partition) throws Exception {
        String marker = unique("marker");
        send(Topics.ACCOUNT_SNAPSHOTS, partition, EventKeys.account(TENANT, marker),
                EventJson.write(snapshot(marker, 1, 1, List.of())));
        return marker;
    }

    private static RecordMetadata send(String topic, Integer partition, String key, String value) throws Exception {
        return KAFKA.send(topic, partition, key, value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
