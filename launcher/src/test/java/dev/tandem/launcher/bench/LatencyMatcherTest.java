package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times are made-up nanoTime readings; nothing here waits. */
class LatencyMatcherTest {

    private static final Instant OCCURRED = Instant.parse("2026-12-03T10:00:00Z");

    private final LatencyMatcher matcher = new LatencyMatcher();

    @Test
    void theOldestOutstandingEventTimeIsTheEarliestNotShownYet() {
        assertThat(matcher.oldestOutstandingOccurredAt()).isEmpty();
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.accepted("a", OCCURRED.plusMillis(5), 110, true);
        // answered out of order: b's later 202 is for an earlier touchpoint
        matcher.accepted("b", OCCURRED.plusMillis(3), 120, true);
        matcher.accepted("b", OCCURRED.minusMillis(2), 130, true);
        assertThat(matcher.oldestOutstandingOccurredAt()).contains(OCCURRED.minusMillis(2));

        matcher.observed("b", 2, 140, 150);
        assertThat(matcher.oldestOutstandingOccurredAt()).contains(OCCURRED);
        matcher.observed("a", 1, 140, 150);
        assertThat(matcher.oldestOutstandingOccurredAt()).contains(OCCURRED.plusMillis(5));
        matcher.observed("a", 2, 160, 170);
        assertThat(matcher.oldestOutstandingOccurredAt()).isEmpty();
    }

    @Test
    void theNthAcknowledgedTouchpointIsShownByTheFirstReadCountingN() {
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.accepted("a", OCCURRED, 200, true);

        matcher.observed("a", 0, 150, 160);
        assertThat(matcher.samples()).isEmpty();
        matcher.observed("a", 1, 300, 310);
        matcher.observed("a", 1, 350, 360);
        matcher.observed("a", 2, 400, 420);

        assertThat(matcher.samples()).containsExactly(
                // shown by the read answered at 310; the read sent at 150 did not show it
                new LatencyMatcher.Sample(true, 100, 210, 50),
                // shown by the read answered at 420; the read sent at 350 did not show it
                new LatencyMatcher.Sample(true, 200, 220, 150));
        assertThat(matcher.samples().get(1).uncertainty()).isEqualTo(70);
        assertThat(matcher.outstanding("a")).isFalse();
    }

    @Test
    void aCountThatJumpsShowsEveryTouchpointUpToIt() {
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.accepted("a", OCCURRED, 110, true);
        matcher.accepted("a", OCCURRED, 120, true);

        matcher.observed("a", 3, 500, 520);

        assertThat(matcher.samples()).extracting(LatencyMatcher.Sample::latency).containsExactly(420L, 410L, 400L);
        assertThat(matcher.samples()).extracting(LatencyMatcher.Sample::lowerBound)
                .as("no read before: nothing bounds them from below but their 202").containsExactly(0L, 0L, 0L);
    }

    @Test
    void aReadBeforeThe202DoesNotBoundTheLatencyBelowZero() {
        matcher.observed("a", 0, 50, 60);
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.observed("a", 1, 130, 140);

        assertThat(matcher.samples()).containsExactly(new LatencyMatcher.Sample(true, 100, 40, 0));
    }

    @Test
    void aViewCountingTheTouchpointBeforeIts202ArrivedIsLatencyZero() {
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.observed("a", 2, 150, 160); // the second is in the view, its 202 is still on the way

        matcher.accepted("a", OCCURRED, 170, true);

        assertThat(matcher.samples()).containsExactly(new LatencyMatcher.Sample(true, 100, 60, 0),
                new LatencyMatcher.Sample(true, 170, 0, 0));
        assertThat(matcher.outstanding("a")).isFalse();
    }

    @Test
    void aStaleReadShowingLessChangesNothing() {
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.accepted("a", OCCURRED, 200, true);
        matcher.observed("a", 2, 300, 310);

        matcher.observed("a", 1, 400, 410);
        matcher.observed("a", 2, 500, 510);

        assertThat(matcher.samples()).hasSize(2);
    }

    @Test
    void accountsAreMatchedSeparately() {
        matcher.accepted("a", OCCURRED, 100, true);
        matcher.accepted("b", OCCURRED, 100, true);

        matcher.observed("b", 1, 200, 210);

        assertThat(matcher.samples()).containsExactly(new LatencyMatcher.Sample(true, 100, 110, 0));
        assertThat(matcher.outstanding("a")).isTrue();
        assertThat(matcher.outstanding("b")).isFalse();
        assertThat(matcher.outstanding("never-seen")).isFalse();
        assertThat(matcher.outstandingAccounts()).isEqualTo(1);
    }

    @Test
    void warmUpTouchpointsAreMatchedButNotMeasuredAndUnshownOnesAreCountedWithTheirWait() {
        matcher.accepted("a", OCCURRED, 100, false);
        matcher.accepted("a", OCCURRED, 200, true);
        matcher.accepted("a", OCCURRED, 300, true);
        matcher.observed("a", 2, 400, 410);

        List<LatencyMatcher.Sample> samples = matcher.samples();

        assertThat(samples).extracting(LatencyMatcher.Sample::measured).containsExactly(false, true);
        assertThat(matcher.unmatchedMeasured()).isEqualTo(1);
        assertThat(matcher.unmatchedMeasuredSince(1_000)).containsExactly(700L);
    }
}
