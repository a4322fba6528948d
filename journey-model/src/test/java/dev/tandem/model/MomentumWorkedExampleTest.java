package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.TouchpointV1;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example of docs/momentum.md, so the document cannot drift from the code. */
class MomentumWorkedExampleTest {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");

    private static TouchpointV1 touchpoint(String id, int day, String type, TouchpointSource source,
            Direction direction, String contact, String title) {
        return new TouchpointV1(id, "t", "acme-robotics", type, source, direction,
                DAY_0.plus(day, ChronoUnit.DAYS), DAY_0, contact, title, Map.of());
    }

    @Test
    void threeRolesOnDaySevenGiveMomentum42() {
        AccountJourney journey = AccountJourney.start("t", "acme-robotics", EngagementPolicy.defaults(),
                RoleInference.defaults());
        journey.apply(touchpoint("1", 0, "webinar.attended", TouchpointSource.MARKETING, Direction.BUYER_INITIATED,
                "cfo", "CFO"));
        journey.apply(touchpoint("2", 7, "demo.requested", TouchpointSource.MARKETING, Direction.BUYER_INITIATED,
                "ops", "Director of Operations"));
        journey.apply(touchpoint("3", 7, "meeting.held", TouchpointSource.SALES, Direction.SELLER_INITIATED,
                "arch", "Enterprise Architect"));

        AccountSnapshotV1 snapshot = journey.snapshot();
        Map<String, Double> engagement = new java.util.HashMap<>();
        snapshot.committee().forEach(m -> engagement.put(m.contactKey(), m.engagement()));
        assertThat(engagement.get("cfo")).isCloseTo(2.121, within(0.001));
        assertThat(engagement.get("ops")).isCloseTo(5.0, within(1e-9));
        assertThat(engagement.get("arch")).isCloseTo(3.6, within(1e-9));
        assertThat(snapshot.momentum()).isEqualTo(42);
    }

    @Test
    void theSameEngagementFromOneChampionGivesMomentum24() {
        EngagementPolicy policy = EngagementPolicy.defaults();
        int alone = Momentum.of(java.util.List.of(new Momentum.Input(CommitteeRole.CHAMPION, 10.721)), policy);
        assertThat(alone).isEqualTo(24);
    }

    @Test
    void fourteenQuietDaysLaterMomentumIs25() {
        EngagementPolicy policy = EngagementPolicy.defaults();
        int later = Momentum.of(java.util.List.of(
                new Momentum.Input(CommitteeRole.ECONOMIC_BUYER, 1.061),
                new Momentum.Input(CommitteeRole.CHAMPION, 2.5),
                new Momentum.Input(CommitteeRole.TECHNICAL_EVALUATOR, 1.8)), policy);
        assertThat(later).isEqualTo(25);
    }
}
