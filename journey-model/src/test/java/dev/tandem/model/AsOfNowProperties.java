package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.TouchpointV1;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A reader deriving an account as of now from its snapshot ({@link AsOfNow}) sees what journey-state's clock
 * would tell it at that instant: the same alert as a tick then, a trend that only cools, and momentum decayed,
 * never grown.
 */
class AsOfNowProperties {

    @Property(tries = 300)
    void aSnapshotReadLaterShowsWhatATickThenWouldTell(@ForAll("histories") List<TouchpointV1> history,
            @ForAll @LongRange(min = 0, max = 120 * 24) long hoursLater) {
        AccountJourney journey = Touchpoints.applyAsJourneyStateDoes(Touchpoints.newJourney(), history);
        // what the topic carries, read back as a reader does
        AccountSnapshotV1 written = EventJson.read(EventJson.write(journey.snapshot()), AccountSnapshotV1.class);
        Instant now = journey.asOf().plus(Duration.ofHours(hoursLater));

        AccountSnapshotV1 derived = AsOfNow.at(written, now);
        journey.tick(now);
        AccountSnapshotV1 ticked = journey.snapshot();

        assertThat(derived.journey().alerts()).usingElementComparator((a, b) -> a.sameAs(b) ? 0 : 1)
                .isEqualTo(ticked.journey().alerts());
        // a tick only tells a stall; the quiet pace cooling down is the reader's refinement: never warmer
        assertThat(derived.journey().trend() == Trend.STALLED).isEqualTo(ticked.journey().trend() == Trend.STALLED);
        assertThat(derived.journey().trend().ordinal()).isGreaterThanOrEqualTo(written.journey().trend().ordinal());
        assertThat(derived.momentum()).isLessThanOrEqualTo(written.momentum());
        assertThat(derived.journey().upcoming()).allSatisfy(change -> assertThat(change.at()).isAfter(now));
    }

    @Provide
    Arbitrary<List<TouchpointV1>> histories() {
        return JourneyOrderProperties.histories(false, 8).map(Touchpoints::numbered)
                .filter(history -> !history.isEmpty());
    }

    @Test
    void oneMembersEngagementHalvesEachHalfLifeAndMomentumFollows() {
        AccountJourney journey = Touchpoints.newJourney();
        journey.apply(Touchpoints.of("tp-1", 0, "meeting.held", TouchpointSource.SALES, "c_cfo", "CFO"));
        AccountSnapshotV1 snapshot = journey.snapshot();
        EngagementPolicy policy = EngagementPolicy.defaults();

        AccountSnapshotV1 later = AsOfNow.at(snapshot, journey.asOf().plus(policy.halfLife()));

        double before = snapshot.committee().get(0).engagement();
        assertThat(later.committee().get(0).engagement()).isCloseTo(before / 2, within(1e-9));
        assertThat(later.momentum()).isEqualTo(Momentum.of(
                List.of(new Momentum.Input(CommitteeRole.ECONOMIC_BUYER, before / 2)), policy));
        assertThat(later.momentum()).isLessThan(snapshot.momentum());
        assertThat(AsOfNow.at(snapshot, journey.asOf())).isEqualTo(snapshot);
    }

    @Test
    void aFiftyDaySilentAccountShowsItsStallOnFirstRead() {
        AccountJourney journey = Touchpoints.newJourney();
        journey.apply(Touchpoints.of("tp-1", 0, "webinar.attended", TouchpointSource.MARKETING, "c_cfo", "CFO"));
        journey.apply(Touchpoints.of("tp-2", 1, "demo.requested", TouchpointSource.MARKETING, "c_ops",
                "Director of Operations"));
        AccountSnapshotV1 snapshot = journey.snapshot();
        assertThat(snapshot.journey().alerts()).isEmpty();

        AccountSnapshotV1 read = AsOfNow.at(snapshot, Touchpoints.day(51));

        assertThat(read.journey().alerts()).hasSize(1);
        assertThat(read.journey().trend()).isEqualTo(Trend.STALLED);
        assertThat(read.journey().explanations()).anyMatch(e -> e.kind().equals("stall"));
    }
}
