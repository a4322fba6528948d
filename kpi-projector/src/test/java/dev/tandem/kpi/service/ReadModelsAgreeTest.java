package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.JourneyEngine;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.history.InMemoryAccountHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The KPI projection (built from journey events) and the sellers' view (built from snapshots) tell the same
 * story of an account whose clock ticked a stall and then received a touchpoint from before the tick: the same
 * stage, the same visits, the same stall, and no exit before its entry in either.
 */
class ReadModelsAgreeTest {

    private static final Instant DAY_0 = Instant.parse("2026-09-01T09:00:00Z");
    private static final ContactKeys KEYS = new ContactKeys("read-models-agree-test-secret-32chars");

    @Test
    void aTickThenAnEarlierTouchpointLeavesBothReadModelsAgreeing() {
        JourneyEngine engine = new JourneyEngine(Duration.ofDays(30), 4);
        InMemoryAccountHistory history = new InMemoryAccountHistory();
        AccountJourney journey = AccountJourney.start("t1", "acme", JourneyContext.defaults("t1"));
        List<JourneyEventV1> events = new ArrayList<>();

        events.addAll(engine.apply(journey, List.of(
                touchpoint("tp-1", 0, "webinar.attended", "cfo", "CFO"),
                touchpoint("tp-2", 2, "demo.requested", "ops", "Director of Operations"),
                touchpoint("tp-3", 4, "meeting.held", "arch", "Enterprise Architect")), history).events());
        events.addAll(journey.tick(day(40)));
        assertThat(journey.snapshot().journey().alerts()).as("the tick found a stall").isNotEmpty();
        // late: before the tick, and before the latest touchpoint
        events.addAll(engine.apply(journey, List.of(touchpoint("tp-0", 3, "content.downloaded", "user",
                "Operations Analyst")), history).events());
        events.addAll(engine.apply(journey, List.of(touchpoint("tp-4", 41, "meeting.held", "cfo", "CFO")),
                history).events());

        AccountKpis kpis = AccountKpis.untracked("t1", "acme");
        for (JourneyEventV1 event : events) {
            kpis = kpis.apply(event);
        }
        AccountSnapshotV1 snapshot = journey.snapshot();
        AccountSnapshotV1.JourneyProgress seen = snapshot.journey();

        assertThat(kpis.accountVersion()).isEqualTo(snapshot.accountVersion());
        assertThat(kpis.journey().currentStage()).isEqualTo(seen.stageKey());
        assertThat(kpis.journey().stalled()).isEqualTo(!seen.alerts().isEmpty());
        Map<String, Long> entriesSeen = seen.stageHistory().stream()
                .collect(Collectors.groupingBy(AccountSnapshotV1.StageVisit::stageKey, Collectors.counting()));
        Map<String, Long> exitsSeen = seen.stageHistory().stream().filter(v -> v.exitedAt() != null)
                .collect(Collectors.groupingBy(AccountSnapshotV1.StageVisit::stageKey, Collectors.counting()));
        kpis.journey().stages().forEach((stage, stats) -> {
            assertThat(stats.entries()).as("entries of " + stage).isEqualTo(entriesSeen.getOrDefault(stage, 0L));
            assertThat(stats.exits()).as("exits of " + stage).isEqualTo(exitsSeen.getOrDefault(stage, 0L));
        });
        assertThat(kpis.journey().stages().keySet()).containsAll(entriesSeen.keySet());
        assertThat(seen.stageHistory()).allSatisfy(visit -> assertThat(visit.exitedAt() == null
                || !visit.exitedAt().isBefore(visit.enteredAt())).isTrue());
        assertThat(events).extracting(JourneyEventV1::data)
                .filteredOn(JourneyEventV1.StageExited.class::isInstance)
                .allSatisfy(exit -> assertThat(((JourneyEventV1.StageExited) exit).dwellSeconds()).isNotNegative());
        assertThat(kpis.memberRoles().keySet()).containsExactlyInAnyOrderElementsOf(
                snapshot.committee().stream().map(AccountSnapshotV1.Member::contactKey).toList());
    }

    private static Instant day(double days) {
        return DAY_0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    private static TouchpointV1 touchpoint(String id, double day, String type, String contact, String title) {
        return new TouchpointV1(id, "t1", "acme", type, TouchpointSource.MARKETING,
                TouchpointCatalog.defaultDirectionOf(type), day(day), day(day),
                KEYS.keyOf("t1", contact + "@acme.example"), title, Map.of());
    }
}
