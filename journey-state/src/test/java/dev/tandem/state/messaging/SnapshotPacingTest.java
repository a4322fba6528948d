package dev.tandem.state.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnapshotPacingTest {

    private static final long BEHIND = 10_000;

    private final SnapshotPacing pacing = new SnapshotPacing(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @Test
    void caughtUpEveryTickPublishes() {
        for (long wall = 1_000; wall < 2_000; wall += 100) {
            pacing.read(wall - 50, wall - 10);
            assertThat(pacing.publishAt(wall)).isTrue();
        }
    }

    @Test
    void readingOldTouchpointsHoldsPublicationBackForTheCatchUpInterval() {
        long wall = 100_000;
        pacing.read(wall - BEHIND, wall - 10);
        assertThat(pacing.publishAt(wall)).as("the first tick after a quiet spell").isTrue();
        for (long tick = wall + 100; tick < wall + 5_000; tick += 100) {
            pacing.read(tick - BEHIND, tick - 10);
            assertThat(pacing.publishAt(tick)).as("at %d", tick).isFalse();
        }
        pacing.read(wall + 5_000 - BEHIND, wall + 4_990);
        assertThat(pacing.publishAt(wall + 5_000)).isTrue();
    }

    @Test
    void aFreshTouchpointAmongOldOnesEndsTheHoldAtTheNextTick() {
        long wall = 100_000;
        pacing.read(wall - BEHIND, wall - 10);
        assertThat(pacing.publishAt(wall)).isTrue();
        pacing.read(wall - 9_000, wall + 40);
        pacing.read(wall + 50, wall + 60);
        assertThat(pacing.publishAt(wall + 100)).isTrue();
    }

    @Test
    void aTaskQuietForASecondHasReadItsBacklogAndPublishesItsFinalStates() {
        long wall = 100_000;
        pacing.read(wall - BEHIND, wall - 10);
        assertThat(pacing.publishAt(wall)).isTrue();
        pacing.read(wall + 50 - BEHIND, wall + 50);
        assertThat(pacing.publishAt(wall + 100)).as("still reading the backlog").isFalse();
        assertThat(pacing.publishAt(wall + 500)).as("a pause shorter than a second: its turn will come").isFalse();
        assertThat(pacing.publishAt(wall + 50 + SnapshotPacing.QUIET.toMillis())).as("quiet: drained").isTrue();
    }

    @Test
    void ticksWithoutReadsPublishWhatPunctuatorsChanged() {
        assertThat(pacing.publishAt(100_000)).isTrue();
        assertThat(pacing.publishAt(100_100)).isTrue();
    }
}
