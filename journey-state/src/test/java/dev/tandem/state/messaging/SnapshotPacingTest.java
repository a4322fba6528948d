package dev.tandem.state.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnapshotPacingTest {

    private final SnapshotPacing pacing = new SnapshotPacing(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @Test
    void caughtUpEveryTickPublishes() {
        for (long wall = 1_000; wall < 2_000; wall += 100) {
            pacing.read(wall - 50);
            assertThat(pacing.publishAt(wall)).isTrue();
        }
    }

    @Test
    void readingOldTouchpointsHoldsPublicationBackForTheCatchUpInterval() {
        long wall = 100_000;
        pacing.read(wall - 10_000);
        assertThat(pacing.publishAt(wall)).as("the first tick after a quiet spell").isTrue();
        for (long tick = wall + 100; tick < wall + 5_000; tick += 100) {
            pacing.read(tick - 10_000);
            assertThat(pacing.publishAt(tick)).as("at %d", tick).isFalse();
        }
        pacing.read(wall + 5_000 - 10_000);
        assertThat(pacing.publishAt(wall + 5_000)).isTrue();
    }

    @Test
    void aFreshTouchpointAmongOldOnesEndsTheHoldAtTheNextTick() {
        long wall = 100_000;
        pacing.read(wall - 10_000);
        assertThat(pacing.publishAt(wall)).isTrue();
        pacing.read(wall - 9_000);
        pacing.read(wall + 50);
        assertThat(pacing.publishAt(wall + 100)).isTrue();
    }

    @Test
    void theFirstTickAfterWhichNothingWasReadPublishesTheBacklogsFinalStates() {
        long wall = 100_000;
        pacing.read(wall - 10_000);
        assertThat(pacing.publishAt(wall)).isTrue();
        pacing.read(wall + 50 - 10_000);
        assertThat(pacing.publishAt(wall + 100)).as("still reading the backlog").isFalse();
        assertThat(pacing.publishAt(wall + 200)).as("nothing read since the last tick: drained").isTrue();
    }

    @Test
    void ticksWithoutReadsPublishWhatPunctuatorsChanged() {
        long wall = 100_000;
        pacing.read(wall - 10_000);
        assertThat(pacing.publishAt(wall)).isTrue();
        assertThat(pacing.publishAt(wall + 100)).isTrue();
    }
}
