package dev.tandem.state;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.InteractionOwner;
import dev.tandem.model.journey.InteractionPoint;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.Stage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class JourneyDefinitionAndStallTest {

    private final StateTestSupport support = new StateTestSupport(TandemInfrastructureResource.infrastructure());

    @Inject
    TestClock clock;

    private static JourneyDefinition journey(String tenant, int version, JourneyStatus status, List<Stage> stages) {
        return new JourneyDefinition(tenant, "onboarding", version, status, "Onboarding", Duration.ofDays(14),
                List.of(CommitteeRole.CHAMPION), stages);
    }

    private static Stage stage(String key, String criteria) {
        return new Stage(key, "Stage " + key, "A custom stage", criteria, Duration.ofDays(7),
                List.of(CommitteeRole.CHAMPION), List.of(new InteractionPoint(CommitteeRole.CHAMPION, "meeting.held",
                        InteractionOwner.SALES, "a discovery call")));
    }

    private void publish(JourneyDefinition definition) {
        support.kafka.send(Topics.JOURNEY_DEFINITIONS, definition.tenantId() + "/" + definition.journeyId(),
                EventJson.write(definition));
    }

    @Test
    void aPublishedCustomJourneyIsUsedForTheNextTouchpointsAndAnInvalidOneIsDeadLettered() throws Exception {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        publish(journey(tenant, 1, JourneyStatus.PUBLISHED,
                List.of(stage("curious", "touchpoints > 0"), stage("convinced", "touchpoints > 1"))));
        // version 2 without stages can never be used: dead-lettered, version 1 stays in force
        publish(journey(tenant, 2, JourneyStatus.PUBLISHED, List.of()));
        await().atMost(StateTestSupport.WAIT).until(() -> support.count(
                "SELECT count(*) FROM journey_definition WHERE tenant_id = ? AND version = 1", tenant) == 1);
        assertThat(support.kafka.recordsContaining(Topics.DLQ_JOURNEY_STATE, tenant, StateTestSupport.WAIT))
                .singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value()))
                        .contains("/stages"));

        String account = "acct-" + UUID.randomUUID();
        support.send(StateTestSupport.touchpoint(tenant, account, "c_1", "Operations Director", "meeting.held",
                Instant.parse("2026-10-05T09:00:00Z")));
        List<JourneyEventV1> events = support.journeyEventsUntil(tenant, account,
                e -> e.type().equals(JourneyEventV1.StageEntered.TYPE));
        JourneyEventV1.StageEntered entered = events.stream()
                .filter(e -> e.type().equals(JourneyEventV1.StageEntered.TYPE))
                .map(e -> (JourneyEventV1.StageEntered) e.data()).findFirst().orElseThrow();
        assertThat(entered.stageKey()).isEqualTo("curious");
        assertThat(entered.journeyId()).isEqualTo("onboarding");
        assertThat(entered.journeyVersion()).isEqualTo(1);

        // a tombstone unpublishes: the tenant is back on the default journey
        support.kafka.send(Topics.JOURNEY_DEFINITIONS, tenant + "/onboarding", null);
        await().atMost(StateTestSupport.WAIT).until(() -> support.count(
                "SELECT count(*) FROM journey_definition WHERE tenant_id = ?", tenant) == 0);
    }

    @Test
    void theTickerDetectsAStallOfAQuietAccountAtWallTime() {
        String account = "acct-" + UUID.randomUUID();
        support.send(StateTestSupport.touchpoint("dev", account, "c_1", "Operations Director",
                "content.downloaded", clock.instant().minus(Duration.ofHours(1))));
        support.journeyEventsUntil("dev", account, e -> e.type().equals(JourneyEventV1.StageEntered.TYPE));
        try {
            // the default journey's first stage stalls after 21 quiet days
            clock.advance(Duration.ofDays(30));
            List<JourneyEventV1> events = support.journeyEventsUntil("dev", account,
                    e -> e.type().equals(JourneyEventV1.StallDetected.TYPE));
            JourneyEventV1 stall = events.stream().filter(e -> e.type().equals(JourneyEventV1.StallDetected.TYPE))
                    .findFirst().orElseThrow(() -> new AssertionError("no stall in " + events));
            assertThat(stall.causedBy()).isEmpty();
            assertThat(stall.occurredAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
            assertThat(events).extracting(JourneyEventV1::accountVersion).doesNotHaveDuplicates();
        } finally {
            clock.reset();
        }
    }

    @Test
    void readinessIncludesTheTouchpointConsumer() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("touchpoint-batches"));
    }
}
