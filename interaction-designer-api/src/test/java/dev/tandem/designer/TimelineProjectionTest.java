package dev.tandem.designer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The seller view's timeline: the account's latest touchpoints from the journey events, newest first, each once. */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class TimelineProjectionTest {

    @Inject
    MongoClient mongo;

    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void touchpointsOfTheJourneyEventsShowNewestFirstEachOnceWhateverTheOrderOrRepeats() {
        String tenant = "timeline-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "acme";
        String key = EventKeys.account(tenant, account);
        try (KafkaTestClient kafka = new KafkaTestClient(
                TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, key, EventJson.write(new AccountSnapshotV1(tenant, account, 5, 20,
                    3, Map.of("sales", 3L), DAY, List.of(), null, null)));
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 1, "tp-a", "webinar.attended", 0));
            kafka.send(Topics.JOURNEY_EVENTS, key, EventJson.write(new JourneyEventV1(
                    JourneyEventV1.eventIdOf(tenant, account, 2), tenant, account, 2, DAY, List.of("tp-a"),
                    new JourneyEventV1.MomentumShifted(0, 20))));
            // a late touchpoint (earlier event time), a replayed one, and a newer one
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 3, "tp-early", "email.clicked", -2));
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 1, "tp-a", "webinar.attended", 0));
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 4, "tp-b", "meeting.held", 1));
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                seller(tenant).get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                        .body("timeline.touchpointId", contains("tp-b", "tp-a", "tp-early"))
                        .body("timeline.type", contains("meeting.held", "webinar.attended", "email.clicked"))
                        .body("timeline.direction", contains("seller_initiated", "seller_initiated",
                                "seller_initiated")));
    }

    @Test
    void theTimelineKeepsTheLatestTouchpointsWhenMoreArriveAndOldOnesAreReplayed() {
        String tenant = "timeline-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "globex";
        String key = EventKeys.account(tenant, account);
        int sent = TimelineEntry.KEPT + 5;
        try (KafkaTestClient kafka = new KafkaTestClient(
                TandemInfrastructureResource.infrastructure().kafkaBootstrapServers())) {
            kafka.send(Topics.ACCOUNT_SNAPSHOTS, key, EventJson.write(new AccountSnapshotV1(tenant, account, 5, 20,
                    sent, Map.of("sales", (long) sent), DAY, List.of(), null, null)));
            for (int i = 0; i < sent; i++) {
                kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, i + 1, "tp-" + (100 + i),
                        "email.opened", i));
            }
            // the oldest again (trimmed already or about to be) and one of the kept ones
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, 1, "tp-100", "email.opened", 0));
            kafka.send(Topics.JOURNEY_EVENTS, key, recorded(tenant, account, sent, "tp-" + (100 + sent - 1),
                    "email.opened", sent - 1));
        }
        // newest first: the last sent down to the KEPT-th last
        List<String> newest = IntStream.range(0, TimelineEntry.KEPT).mapToObj(k -> "tp-" + (100 + sent - 1 - k))
                .toList();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(seller(tenant).get("/v1/accounts/{key}/journey", account).then().statusCode(200)
                        .extract().jsonPath().getList("timeline.touchpointId", String.class))
                        .containsExactlyElementsOf(newest));
        // stored trimmed too, not only cut when read: the document does not grow with the account's history
        Document stored = ReadModelCollections.current(mongo, TimelineDocuments.COLLECTION)
                .find(Filters.eq(TimelineDocuments.ID, key)).first();
        assertThat(stored.getList(TimelineDocuments.ENTRIES, Document.class)).hasSize(TimelineEntry.KEPT);
    }

    private static String recorded(String tenant, String account, long version, String touchpointId, String type,
            int days) {
        return EventJson.write(new JourneyEventV1(JourneyEventV1.eventIdOf(tenant, account, version), tenant, account,
                version, DAY.plus(Duration.ofDays(days)), List.of(touchpointId),
                new JourneyEventV1.TouchpointRecorded(touchpointId, type, TouchpointSource.SALES,
                        Direction.SELLER_INITIATED, "c_dana", 1.0)));
    }

    private static RequestSpecification seller(String tenant) {
        return given().auth().oauth2(TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, Set.of(Roles.SELLER), Duration.ofMinutes(5)));
    }
}
