package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Stall detection reads only its arguments, and time only makes a stall worse. */
class StallDetectorProperties {

    private static final Instant ENTERED = Instant.parse("2026-10-01T09:00:00Z");
    private static final JourneyDefinition JOURNEY = DefaultJourney.definition("t1");

    @Property(tries = 500)
    void aStallOnlyGrowsWithTimeAndKeepsWhenItBegan(@ForAll("stages") Stage stage,
            @ForAll("facts") CommitteeFacts facts, @ForAll("activities") CommitteeActivity activity,
            @ForAll @LongRange(min = 0, max = 90 * 24) long hoursInStage,
            @ForAll @LongRange(min = 0, max = 90 * 24) long moreHours) {
        Instant now = ENTERED.plus(Duration.ofHours(hoursInStage));
        Instant later = now.plus(Duration.ofHours(moreHours));

        Optional<Stall> atNow = StallDetector.detect(stage, ENTERED, facts, activity, now);
        Optional<Stall> atLater = StallDetector.detect(stage, ENTERED, facts, activity, later);

        atNow.ifPresent(stall -> {
            assertThat(atLater).isPresent();
            assertThat(atLater.get().reasons()).containsAll(stall.reasons());
            assertThat(atLater.get().silentRoles()).containsAll(stall.silentRoles());
            assertThat(atLater.get().since()).isEqualTo(stall.since());
            assertThat(stall.since()).isBeforeOrEqualTo(now);
        });
    }

    @Property(tries = 300)
    void theSameArgumentsGiveTheSameAnswer(@ForAll("stages") Stage stage, @ForAll("facts") CommitteeFacts facts,
            @ForAll("activities") CommitteeActivity activity, @ForAll @IntRange(min = 0, max = 90) int day) {
        Instant now = ENTERED.plus(Duration.ofDays(day));

        assertThat(StallDetector.detect(stage, ENTERED, facts, activity, now))
                .isEqualTo(StallDetector.detect(stage, ENTERED, facts, activity, now));
    }

    @Provide
    Arbitrary<Stage> stages() {
        return Arbitraries.of(JOURNEY.stages());
    }

    @Provide
    Arbitrary<CommitteeFacts> facts() {
        return CommitteeArbitraries.facts();
    }

    /** Touches from 30 days before the stage began to 60 days after, overall and for some roles. */
    @Provide
    Arbitrary<CommitteeActivity> activities() {
        Arbitrary<Instant> times = Arbitraries.longs().between(-30 * 24, 60 * 24)
                .map(hours -> ENTERED.plus(Duration.ofHours(hours)));
        Arbitrary<Map<CommitteeRole, Instant>> byRole = Arbitraries.maps(Arbitraries.of(CommitteeRole.class), times)
                .map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
        return byRole.flatMap(roles -> times.injectNull(0.2).map(last -> {
            Instant latest = roles.values().stream().max(Instant::compareTo).orElse(null);
            Instant overall = last == null ? latest : latest == null || last.isAfter(latest) ? last : latest;
            return new CommitteeActivity(overall, roles);
        }));
    }
}
