package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.JourneyEventV1.CommitteeMemberAdded;
import dev.tandem.events.JourneyEventV1.DealClosed;
import dev.tandem.events.JourneyEventV1.MomentumShifted;
import dev.tandem.events.JourneyEventV1.Payload;
import dev.tandem.events.JourneyEventV1.RoleAssigned;
import dev.tandem.events.JourneyEventV1.StageEntered;
import dev.tandem.events.JourneyEventV1.StageExited;
import dev.tandem.events.JourneyEventV1.StallCleared;
import dev.tandem.events.JourneyEventV1.StallDetected;
import dev.tandem.events.JourneyEventV1.TouchpointRecorded;
import dev.tandem.model.AsOfNow;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.Trend;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.InteractionOwner;
import dev.tandem.model.journey.InteractionPoint;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.journey.StallReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2026-11-20T15:00:00.123456789Z");

    static Stream<Payload> payloads() {
        return Stream.of(
                new TouchpointRecorded("evt-1", "meeting.held", TouchpointSource.SALES, Direction.SELLER_INITIATED,
                        "c_0123456789abcdef01234567", 3.6),
                new TouchpointRecorded("evt-2", "web.visited", TouchpointSource.MARKETING, Direction.BUYER_INITIATED,
                        null, 0.5),
                new CommitteeMemberAdded("c_0123456789abcdef01234567", CommitteeRole.ECONOMIC_BUYER,
                        RoleSource.INFERRED),
                new RoleAssigned("c_0123456789abcdef01234567", CommitteeRole.END_USER, CommitteeRole.CHAMPION,
                        RoleSource.ASSIGNED),
                new MomentumShifted(24, 42),
                new StageEntered("decision", "Decision", "consensus", "default", 1, List.of(
                        CriterionResult.of("consensus", "momentum >= 30", true),
                        new CriterionResult("decision", "typeCounts['acme.x'] > 0", false, "no such key: acme.x")),
                        "Moved to Decision."),
                new StageEntered("problem_identification", "Problem identification", null, "default", 1,
                        List.of(CriterionResult.of("problem_identification", "touchpoints > 0", true)), "Starts."),
                new StageExited("consensus", "Consensus", AT.minusSeconds(86_400), 86_400, "decision"),
                new StallDetected("decision", List.of(StallReason.REQUIRED_ROLE_SILENT),
                        List.of(CommitteeRole.ECONOMIC_BUYER), List.of(BUSINESS_CASE), AT.minusSeconds(60),
                        "Economic buyer silent for 35 days in Decision"),
                new StallCleared("decision", AT.minusSeconds(60), "The committee moves again in Decision."),
                new DealClosed(DealOutcome.NO_DECISION, "decision", 31, "Closed no decision in Decision."),
                new DealClosed(DealOutcome.WON, null, 0, "Closed won in no stage."));
    }

    private static final InteractionPoint BUSINESS_CASE = new InteractionPoint(CommitteeRole.ECONOMIC_BUYER,
            "meeting.held", InteractionOwner.SALES, "business case review");

    static JourneyEventV1 eventOf(Payload payload) {
        return new JourneyEventV1("t1/northwind/7", "t1", "northwind", 7, AT, List.of("evt-1"), payload);
    }

    static JsonNode tree(String json) throws Exception {
        return EventJson.mapper().readTree(json);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyJourneyEventKindRoundTrips(Payload payload) {
        JourneyEventV1 event = eventOf(payload);

        assertThat(EventJson.read(EventJson.write(event), JourneyEventV1.class)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void theTypeStandsAtTheTopLevelBesideTheData(Payload payload) throws Exception {
        JsonNode json = tree(EventJson.write(eventOf(payload)));

        assertThat(json.get("type").asText()).isEqualTo(payload.typeName());
        assertThat(json.get("data").isObject()).isTrue();
        assertThat(json.get("data").has("type")).isFalse();
        assertThat(json.get("accountVersion").isIntegralNumber()).isTrue();
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-20T15:00:00.123456789Z");
    }

    @Test
    void anAccountSnapshotRoundTrips() {
        AccountSnapshotV1 snapshot = new AccountSnapshotV1("t1", "northwind", 12, 42, 5,
                Map.of("marketing", 3L, "sales", 2L), AT, List.of(
                        new AccountSnapshotV1.Member("c_a", CommitteeRole.ECONOMIC_BUYER, RoleSource.INFERRED,
                                2.1213203435596424, 2, AT),
                        new AccountSnapshotV1.Member("c_b", CommitteeRole.CHAMPION, RoleSource.ASSIGNED, 5.0, 3,
                                AT.minusSeconds(3600))), progress(), AsOfNow.decayOf(EngagementPolicy.defaults()));

        assertThat(EventJson.read(EventJson.write(snapshot), AccountSnapshotV1.class)).isEqualTo(snapshot);
        assertThat(EventJson.writeBytes(snapshot)).as("the same JSON as UTF-8 bytes")
                .isEqualTo(EventJson.write(snapshot).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EventJson.read(EventJson.writeBytes(snapshot), AccountSnapshotV1.class)).isEqualTo(snapshot);
    }

    @Test
    void aSnapshotWrittenBeforeJourneysExistedReadsWithANullJourney() throws Exception {
        AccountSnapshotV1 snapshot = new AccountSnapshotV1("t1", "northwind", 3, 7, 1, Map.of("marketing", 1L), AT,
                List.of(), null, null);
        ObjectNode old = (ObjectNode) tree(EventJson.write(snapshot));
        old.remove("journey");
        old.remove("momentumDecay");

        assertThat(EventJson.read(old.toString(), AccountSnapshotV1.class)).isEqualTo(snapshot);
        assertThat(EventJson.read(EventJson.write(snapshot), AccountSnapshotV1.class)).isEqualTo(snapshot);
    }

    @Test
    void theJourneyProgressUsesWireNamesIsoInstantsAndOmitsAMissingCriterionError() throws Exception {
        JsonNode journey = tree(EventJson.write(new AccountSnapshotV1("t1", "northwind", 12, 42, 5, Map.of(), AT,
                List.of(), progress(), null))).get("journey");

        assertThat(journey.get("trend").asText()).isEqualTo("stalled");
        assertThat(journey.get("outcome").asText()).isEqualTo("no_decision");
        assertThat(journey.at("/alerts/0/reasons/0").asText()).isEqualTo("required_role_silent");
        assertThat(journey.at("/alerts/0/unblockWith/0/owner").asText()).isEqualTo("sales");
        assertThat(journey.at("/stageHistory/0/exitedAt").asText()).isEqualTo("2026-11-19T15:00:00.123456789Z");
        assertThat(journey.at("/stageHistory/1/exitedAt").isNull()).isTrue();
        assertThat(journey.at("/upcoming/0/alert/stageKey").asText()).isEqualTo("decision");
        assertThat(journey.has("typeCounts")).as("engine bookkeeping stays off the wire").isFalse();
        assertThat(journey.at("/explanations/0/criteria/0").has("error")).isFalse();
        assertThat(journey.at("/explanations/0/criteria/1/error").asText()).isEqualTo("no such key: acme.x");
    }

    /** A journey progress with every nested type and every optional part filled once. */
    static AccountSnapshotV1.JourneyProgress progress() {
        Stall stall = new Stall("decision", "Decision", List.of(StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER), List.of(BUSINESS_CASE), AT.minusSeconds(60),
                "Economic buyer silent for 35 days in Decision");
        List<CriterionResult> criteria = List.of(CriterionResult.of("consensus", "momentum >= 30", true),
                new CriterionResult("decision", "typeCounts['acme.x'] > 0", false, "no such key: acme.x"));
        return new AccountSnapshotV1.JourneyProgress("default", 1, "decision", "Decision", AT.minusSeconds(86_400),
                Trend.STALLED, List.of(stall),
                List.of(new AccountSnapshotV1.StageVisit("consensus", "Consensus", AT.minusSeconds(2 * 86_400),
                                AT.minusSeconds(86_400)),
                        new AccountSnapshotV1.StageVisit("decision", "Decision", AT.minusSeconds(86_400), null)),
                List.of(new AccountSnapshotV1.Explanation("stage", "Moved to Decision.", 1, criteria,
                                List.of("tp-9"), AT.minusSeconds(86_400)),
                        new AccountSnapshotV1.Explanation("stall", stall.explanation(), 1, List.of(), List.of(), AT)),
                DealOutcome.NO_DECISION, AT,
                List.of(new AccountSnapshotV1.Upcoming(AT.plusSeconds(86_400), Trend.STALLED, stall)));
    }

    @Test
    void aTouchpointRoundTrips() {
        TouchpointV1 touchpoint = new TouchpointV1("evt-1", "t1", "northwind", "webinar.attended",
                TouchpointSource.CUSTOMER_SUCCESS, Direction.BUYER_INITIATED, AT, AT.plusSeconds(2), "c_a", "CFO",
                Map.of("webinar", "Q4 launch", "minutes", 42, "tags", List.of("a", "b")));

        assertThat(EventJson.read(EventJson.write(touchpoint), TouchpointV1.class)).isEqualTo(touchpoint);
    }

    @Test
    void aContactProfileRoundTripsAndKeepsItsNulls() throws Exception {
        ContactProfileV1 profile = new ContactProfileV1("t1", "c_a", "maria.chen@northwind.com", null, "CFO", AT);
        String json = EventJson.write(profile);

        assertThat(EventJson.read(json, ContactProfileV1.class)).isEqualTo(profile);
        assertThat(tree(json).has("name")).isTrue();
        assertThat(tree(json).get("name").isNull()).isTrue();
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() throws Exception {
        JourneyEventV1 event = eventOf(new MomentumShifted(24, 42));
        ObjectNode json = (ObjectNode) tree(EventJson.write(event));
        json.put("schemaRevision", 2);
        ((ObjectNode) json.get("data")).put("trend", "accelerating");

        assertThat(EventJson.read(json.toString(), JourneyEventV1.class)).isEqualTo(event);

        ObjectNode profile = (ObjectNode) tree(EventJson.write(
                new ContactProfileV1("t1", "c_a", "a@b.com", "A", "CFO", AT)));
        profile.put("phone", "+1 555 0100");
        assertThat(EventJson.read(profile.toString(), ContactProfileV1.class).email()).isEqualTo("a@b.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "null",
        "{not json",
        "[]",
        "42",
        "{\"eventId\":\"t1/a/1\",\"tenantId\":\"t1\",\"accountKey\":\"a\",\"accountVersion\":1,"
                + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"causedBy\":[\"e\"],"
                + "\"data\":{\"previousMomentum\":1,\"momentum\":\"lots\"},\"type\":\"MomentumShifted\"}",
        "{\"eventId\":\"t1/a/1\",\"tenantId\":\"t1\",\"accountKey\":\"a\",\"accountVersion\":1,"
                + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"data\":{\"previousMomentum\":1,\"momentum\":2},"
                + "\"type\":\"MomentumShifted\"}",
        "{\"eventId\":\"t1/a/1\",\"tenantId\":\"t1\",\"accountKey\":\"a\",\"accountVersion\":\"one\","
                + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"causedBy\":[\"e\"],"
                + "\"data\":{\"previousMomentum\":1,\"momentum\":2},\"type\":\"MomentumShifted\"}",
        "{\"eventId\":\"t1/a/1\",\"tenantId\":\"t1\",\"accountKey\":\"a\",\"accountVersion\":1,"
                + "\"occurredAt\":\"yesterday\",\"causedBy\":[\"e\"],"
                + "\"data\":{\"previousMomentum\":1,\"momentum\":2},\"type\":\"MomentumShifted\"}"
    })
    void aMalformedJourneyEventIsAMalformedEventException(String json) {
        assertThatThrownBy(() -> EventJson.read(json, JourneyEventV1.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aMalformedTouchpointOrSnapshotIsAMalformedEventException() {
        assertThatThrownBy(() -> EventJson.read("{\"eventId\": [1, 2]}", TouchpointV1.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"source\": \"fax\"}", TouchpointV1.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"momentum\": \"high\"}", AccountSnapshotV1.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void malformedEmptyOrNonUtf8BytesAreAMalformedEventException() {
        byte[] wrongShape = "{\"eventId\": [1, 2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.read(wrongShape, TouchpointV1.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read(new byte[0], TouchpointV1.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read((byte[]) null, TouchpointV1.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                TouchpointV1.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anIncompleteTouchpointIsRefusedByRequireComplete() {
        TouchpointV1 partial = EventJson.read("{\"eventId\": \"evt-1\", \"tenantId\": \"t1\"}", TouchpointV1.class);

        assertThatThrownBy(partial::requireComplete).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("evt-1");
    }
}
