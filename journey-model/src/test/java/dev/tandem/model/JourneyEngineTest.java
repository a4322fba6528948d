package dev.tandem.model;

import static dev.tandem.model.Touchpoints.day;
import static dev.tandem.model.Touchpoints.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.events.AccountSnapshotV1.StageVisit;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.history.InMemoryAccountHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {

    private final InMemoryAccountHistory history = new InMemoryAccountHistory();
    private final AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
            JourneyContext.defaults(Touchpoints.TENANT));

    @Test
    void aResentTouchpointIsDroppedAndCountedAsADuplicate() {
        JourneyEngine engine = JourneyEngine.defaults();
        TouchpointV1 visit = of("tp-1", 0, "web.visited", TouchpointSource.MARKETING, "dana", "CFO");
        engine.apply(journey, List.of(visit), history);

        JourneyEngine.Outcome again = engine.apply(journey, List.of(visit, visit), history);

        assertThat(again.applied()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.events()).isEmpty();
        assertThat(journey.touchpointCount()).isEqualTo(1);
    }

    @Test
    void twoSystemsThatBothSendTheSameEventIdAreTwoTouchpointsButEachResendIsOne() {
        JourneyEngine engine = JourneyEngine.defaults();
        TouchpointV1 fromCrm = fromSystem("crm", of("1001", 0, "meeting.held", TouchpointSource.SALES, "dana", "CFO"));
        TouchpointV1 fromAutomation = fromSystem("automation",
                of("1001", 1, "webinar.attended", TouchpointSource.MARKETING, "eli", "IT Director"));

        JourneyEngine.Outcome first = engine.apply(journey, List.of(fromCrm, fromAutomation), history);
        JourneyEngine.Outcome resent = engine.apply(journey, List.of(fromAutomation, fromCrm), history);

        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.duplicates()).isZero();
        assertThat(resent.applied()).isZero();
        assertThat(resent.duplicates()).isEqualTo(2);
        assertThat(journey.touchpointCount()).isEqualTo(2);
        assertThat(first.events()).flatExtracting(JourneyEventV1::causedBy).contains("crm:1001", "automation:1001");
    }

    private static TouchpointV1 fromSystem(String system, TouchpointV1 t) {
        return new TouchpointV1(t.eventId(), t.tenantId(), t.accountKey(), t.type(), t.source(), t.direction(),
                t.occurredAt(), t.receivedAt(), t.contactKey(), t.contactTitle(), t.properties(), system);
    }

    @Test
    void beyondTheHorizonATouchpointCountsButDoesNotRewriteTheStageHistoryAndSaysSo() {
        JourneyEngine engine = new JourneyEngine(Duration.ofDays(30), 4);
        engine.apply(journey, List.of(
                of("tp-1", 0, "web.visited", TouchpointSource.MARKETING, "dana", "Director of Operations"),
                of("tp-2", 60, "content.downloaded", TouchpointSource.MARKETING, "dana", "Director of Operations")),
                history);
        List<StageVisit> stagesBefore = journey.canonical().journey().stageHistory();

        JourneyEngine.Outcome outcome = engine.apply(journey,
                List.of(of("tp-0", 10, "demo.requested", TouchpointSource.MARKETING, "tom", "Enterprise Architect")),
                history);

        assertThat(outcome.beyondHorizon()).isEqualTo(1);
        assertThat(outcome.rederivations()).isZero();
        CanonicalAccount after = journey.canonical();
        assertThat(after.touchpointCount()).isEqualTo(3);
        assertThat(after.committee()).extracting(CanonicalAccount.Member::contactKey).contains("tom");
        assertThat(after.journey().stageHistory()).startsWith(stagesBefore.subList(0, stagesBefore.size() - 1)
                .toArray(StageVisit[]::new));
        assertThat(after.journey().explanations()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("late");
            assertThat(e.text()).contains("30-day lateness horizon");
        });
    }

    @Test
    void historyIsPrunedToTheHorizonSoAnAccountStaysBounded() {
        JourneyEngine engine = new JourneyEngine(Duration.ofDays(10), 4);
        for (int i = 0; i < 400; i++) {
            engine.apply(journey, List.of(of("tp-" + (1000 + i), i, "web.visited", TouchpointSource.MARKETING,
                    "dana", "CFO")), history);
        }
        // one touchpoint a day: about ten days of entries plus at most a checkpoint interval before them
        assertThat(history.size()).isBetween(10, 10 + 4 + 1);
        assertThat(history.checkpointCount()).isLessThanOrEqualTo(5);
        assertThat(journey.touchpointCount()).isEqualTo(400);

        // a touchpoint within the horizon is still replayed into place
        JourneyEngine.Outcome late = engine.apply(journey, List.of(of("tp-0999", 395.5, "demo.requested",
                TouchpointSource.MARKETING, "tom", "Enterprise Architect")), history);
        assertThat(late.rederivations()).isEqualTo(1);
        assertThat(late.replayed()).isLessThanOrEqualTo(4 + 5);
    }

    @Test
    void aTouchpointTheEngineRefusesLeavesTheHistoryAsItWas() {
        JourneyEngine engine = new JourneyEngine(Duration.ofDays(30), 2);
        engine.apply(journey, List.of(of("tp-1", 0, "web.visited", TouchpointSource.MARKETING, "dana", "CFO"),
                of("tp-3", 2, "web.visited", TouchpointSource.MARKETING, "dana", "CFO")), history);
        int entries = history.size();
        TouchpointV1 foreign = new TouchpointV1("tp-2", Touchpoints.TENANT, "another-account", "web.visited",
                TouchpointSource.MARKETING, Direction.BUYER_INITIATED, day(1), day(1), null, null, Map.of());

        assertThatThrownBy(() -> engine.apply(journey, List.of(
                of("tp-4", 1, "web.visited", TouchpointSource.MARKETING, "dana", "CFO"), foreign), history))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history.size()).isEqualTo(entries);
        assertThat(history.contains("tp-4")).isFalse();
    }

    @Test
    void aTickThenAnEarlierTimedTouchpointNeverExitsAStageBeforeEnteringIt() {
        JourneyEngine engine = JourneyEngine.defaults();
        List<JourneyEventV1> events = new ArrayList<>();
        events.addAll(engine.apply(journey, List.of(of("tp-1", 0, "content.downloaded", TouchpointSource.MARKETING,
                "dana", "Director of Operations")), history).events());
        events.addAll(journey.tick(day(40)));
        events.addAll(engine.apply(journey, List.of(of("tp-2", 20, "demo.requested", TouchpointSource.MARKETING,
                "tom", "Enterprise Architect")), history).events());

        assertThat(journey.canonical().journey().stageHistory()).allSatisfy(visit ->
                assertThat(visit.exitedAt() == null || !visit.exitedAt().isBefore(visit.enteredAt())).isTrue());
        assertThat(events).filteredOn(e -> e.data() instanceof JourneyEventV1.StageExited)
                .allSatisfy(e -> {
                    JourneyEventV1.StageExited exited = (JourneyEventV1.StageExited) e.data();
                    assertThat(exited.dwellSeconds()).isNotNegative();
                });
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    @Test
    void theNextCheckIsTheStallThresholdOfTheStageNotEveryMinute() {
        JourneyEngine engine = JourneyEngine.defaults();
        engine.apply(journey, List.of(of("tp-1", 0, "content.downloaded", TouchpointSource.MARKETING, "dana",
                "Director of Operations")), history);

        java.time.Instant due = journey.nextCheckAt(day(0)).orElseThrow();
        assertThat(journey.tick(due.minusSeconds(1))).isEmpty();
        assertThat(journey.tick(due)).extracting(e -> e.data().typeName()).containsExactly("StallDetected");
        // afterwards: only a later change of the derivation, if any is left before the next touchpoint
        journey.nextCheckAt(due).ifPresent(next -> assertThat(next).isAfter(due));
        assertThat(journey.tick(due.plus(Duration.ofDays(1)))).as("the same stall is not told twice")
                .allSatisfy(e -> assertThat(e.data()).isInstanceOf(JourneyEventV1.StallDetected.class));
    }
}
