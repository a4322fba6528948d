package dev.tandem.state;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.JourneyContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** journey-state as a running service on the real broker: exactly-once topology, dead letters, health. */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class JourneyStateFlowTest {

    @jakarta.inject.Inject
    dev.tandem.support.vault.ContactKeyVault vault;

    private static final String TENANT = "dev";
    /** Touchpoints of the last days: the stall punctuator (every second here) finds nothing to tell of them. */
    private static final Instant RECENTLY = Instant.now();
    private final StateTestSupport support = new StateTestSupport(TandemInfrastructureResource.infrastructure());

    @Test
    void touchpointsBecomeCommitteeStateJourneyEventsAndSnapshots() {
        String account = "acct-" + UUID.randomUUID();
        TouchpointV1 webinar = StateTestSupport.touchpoint(TENANT, account, "c_cfo", "Chief Financial Officer",
                "webinar.attended", RECENTLY.minus(Duration.ofHours(2)));
        TouchpointV1 demo = StateTestSupport.touchpoint(TENANT, account, "c_arch", "Enterprise Architect",
                "demo.requested", RECENTLY.minus(Duration.ofHours(1)));
        support.send(webinar);
        support.send(demo);
        support.send(webinar); // resent: dropped

        List<JourneyEventV1> events = support.journeyEventsUntil(TENANT, account,
                e -> e.causedBy().contains(demo.eventId()) && e.type().equals("MomentumShifted"));
        assertThat(events).extracting(JourneyEventV1::type).filteredOn(type -> !type.startsWith("Stage"))
                .containsExactly("TouchpointRecorded", "CommitteeMemberAdded", "MomentumShifted",
                        "TouchpointRecorded", "CommitteeMemberAdded", "MomentumShifted");
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.get(1).data()).isEqualTo(new JourneyEventV1.CommitteeMemberAdded("c_cfo",
                CommitteeRole.ECONOMIC_BUYER, dev.tandem.model.RoleSource.INFERRED));

        AccountSnapshotV1 snapshot = support.snapshotAtLeast(TENANT, account, events.size());
        assertThat(snapshot.touchpointCount()).isEqualTo(2);
        assertThat(snapshot.committee()).extracting(AccountSnapshotV1.Member::role)
                .containsExactlyInAnyOrder(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.TECHNICAL_EVALUATOR);
    }

    @Test
    void sealedTitlesAreOpenedThroughTheVaultAndAnErasedContactsTitleInfersNothing() {
        String account = "acct-" + UUID.randomUUID();
        dev.tandem.pii.ContactDataKey stored = dev.tandem.pii.ContactDataKey.generate();
        dev.tandem.pii.ContactDataKey erased = dev.tandem.pii.ContactDataKey.generate();
        vault.pool().preparedQuery("INSERT INTO contact_keys (key_id, tenant_id, contact_key, wrapped_key) "
                        + "VALUES ($1, $2, 'c_sealed_cfo', $3)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(stored.keyId(), TENANT,
                        io.vertx.core.buffer.Buffer.buffer(vault.wrapping().wrap(stored))))
                .await().atMost(Duration.ofSeconds(10));
        TouchpointV1 cfo = StateTestSupport.touchpoint(TENANT, account, "c_sealed_cfo",
                dev.tandem.pii.SealedPii.seal(stored, dev.tandem.pii.PiiField.TITLE, "Chief Financial Officer"),
                "webinar.attended", RECENTLY.minus(Duration.ofHours(2)));
        // sealed under a key the vault no longer holds: the contact was erased
        TouchpointV1 cto = StateTestSupport.touchpoint(TENANT, account, "c_erased_cto",
                dev.tandem.pii.SealedPii.seal(erased, dev.tandem.pii.PiiField.TITLE, "CTO"),
                "demo.requested", RECENTLY.minus(Duration.ofHours(1)));
        support.send(cfo);
        support.send(cto);

        List<JourneyEventV1> events = support.journeyEventsUntil(TENANT, account,
                e -> e.causedBy().contains(cto.eventId()) && e.type().equals("MomentumShifted"));
        assertThat(events).filteredOn(e -> e.type().equals("CommitteeMemberAdded")).extracting(JourneyEventV1::data)
                .containsExactly(
                        new JourneyEventV1.CommitteeMemberAdded("c_sealed_cfo", CommitteeRole.ECONOMIC_BUYER,
                                dev.tandem.model.RoleSource.INFERRED),
                        new JourneyEventV1.CommitteeMemberAdded("c_erased_cto", CommitteeRole.INFLUENCER,
                                dev.tandem.model.RoleSource.INFERRED));
    }

    @Test
    void aLateTouchpointEndsTheAccountWhereAnInOrderArrivalWouldHave() {
        String account = "acct-" + UUID.randomUUID();
        TouchpointV1 download = StateTestSupport.touchpoint(TENANT, account, "c_dana", "Director of Operations",
                "content.downloaded", RECENTLY.minus(Duration.ofDays(2)));
        TouchpointV1 demo = StateTestSupport.touchpoint(TENANT, account, "c_tom", "Enterprise Architect",
                "demo.requested", RECENTLY.minus(Duration.ofDays(1)));
        support.send(demo);
        support.journeyEventsUntil(TENANT, account, e -> e.causedBy().contains(demo.eventId()));
        support.send(download);
        List<JourneyEventV1> events = support.journeyEventsUntil(TENANT, account,
                e -> e.causedBy().contains(download.eventId()) && e.type().equals("StageEntered"));

        AccountJourney reference = AccountJourney.start(TENANT, account, JourneyContext.defaults(TENANT));
        reference.apply(download);
        reference.apply(demo);
        AccountSnapshotV1 expected = reference.snapshot();
        AccountSnapshotV1 actual = support.snapshotAtLeast(TENANT, account,
                events.get(events.size() - 1).accountVersion());

        assertThat(actual.journey().stageHistory()).isEqualTo(expected.journey().stageHistory());
        assertThat(actual.journey().stageKey()).isEqualTo("requirements_building");
        assertThat(actual.momentum()).isEqualTo(expected.momentum());
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String account = "acct-" + UUID.randomUUID();
        support.kafka.send(Topics.TOUCHPOINTS, TENANT + "/" + account, "{not json " + account);
        TouchpointV1 good = StateTestSupport.touchpoint(TENANT, account, "c_user", "Support Specialist",
                "trial.started", Instant.parse("2026-11-05T09:00:00Z"));
        support.send(good);

        List<ConsumerRecord<String, String>> dead = support.kafka.recordsContaining(Topics.DLQ_JOURNEY_STATE, account,
                StateTestSupport.WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("TouchpointV1");
        List<JourneyEventV1> events = support.journeyEventsUntil(TENANT, account,
                e -> e.causedBy().contains(good.eventId()));
        assertThat(support.snapshotAtLeast(TENANT, account, events.size()).touchpointCount()).isEqualTo(1);
    }

    /** The management interface's root, /q on its own port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void healthReportsTheStreamsStateOnTheManagementPort() {
        String root = management.toString().replaceAll("/+$", "");
        org.awaitility.Awaitility.await().atMost(StateTestSupport.WAIT).untilAsserted(() ->
                given().get(root + "/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'journey-streams' }.data.state", equalTo("RUNNING")));
        given().get(root + "/health/live").then().statusCode(200);
        given().get(root + "/metrics").then().statusCode(200);
    }
}
