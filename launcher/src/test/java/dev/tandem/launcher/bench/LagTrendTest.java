package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class LagTrendTest {

    private static final double RATE = 500; // margin: 250 records

    /** One sample a second from -5 s (warm-up) to {@code until} s. */
    private static List<LagTrend.Sample> samples(int until, IntToLongFunction lagAt) {
        List<LagTrend.Sample> samples = new ArrayList<>();
        for (int second = -5; second <= until; second++) {
            samples.add(new LagTrend.Sample(second, lagAt.applyAsLong(second)));
        }
        return samples;
    }

    @Test
    void aSteadyLagWithJitterDoesNotGrow() {
        LagTrend.Verdict verdict = LagTrend.judge(samples(70, s -> 50 + (s * 37 % 100)), 60, RATE);

        assertThat(verdict.grows()).isFalse();
        assertThat(verdict.margin()).isEqualTo(250);
    }

    @Test
    void aLagClimbingThroughTheWindowGrows() {
        // 30 records more each second: a 6% overload at 500/s
        LagTrend.Verdict verdict = LagTrend.judge(samples(70, s -> 100 + 30L * Math.max(0, Math.min(s, 60))), 60,
                RATE);

        assertThat(verdict.grows()).isTrue();
        assertThat(verdict.startLag()).isEqualTo(250); // median of 100, 130, … 400 (seconds 0–10)
        assertThat(verdict.endLag()).isEqualTo(1_750); // median of 1,600 … 1,900 (seconds 50–60)
    }

    @Test
    void aSpikeAtTheEndIsNotGrowth() {
        // one long pause in the last ten seconds: most samples there are back at the start's level
        LagTrend.Verdict verdict = LagTrend.judge(samples(70, s -> s == 55 || s == 56 ? 3_000 : 80), 60, RATE);

        assertThat(verdict.grows()).isFalse();
    }

    @Test
    void aRiseWithinTheMarginIsNotGrowth() {
        LagTrend.Verdict verdict = LagTrend.judge(samples(70, s -> s >= 50 ? 300 : 100), 60, RATE);

        assertThat(verdict.grows()).as("300 is less than 100 + 250 above the start").isFalse();
        assertThat(LagTrend.judge(samples(70, s -> s >= 50 ? 360 : 100), 60, RATE).grows()).isTrue();
    }

    @Test
    void aGrowingLagThatDrainsQuicklyAfterTheStopStillGrows() {
        LagTrend.Verdict verdict = LagTrend.judge(samples(75, s -> s <= 60 ? 100 + 40L * Math.max(0, s) : 100), 60,
                RATE);

        assertThat(verdict.grows()).isTrue();
        assertThat(verdict.drainedAfter()).hasValue(1.0);
    }

    @Test
    void aLagStillHighTenSecondsAfterTheStopHasNoDrainTime() {
        LagTrend.Verdict verdict = LagTrend.judge(samples(75, s -> 100 + 50L * Math.max(0, s)), 60, RATE);

        assertThat(verdict.drainedAfter()).isEmpty();
    }

    @Test
    void aShortWindowComparesItsHalves() {
        LagTrend.Verdict verdict = LagTrend.judge(samples(20, s -> s < 6 ? 100 : 500), 12, RATE);

        assertThat(verdict.startLag()).isEqualTo(100);
        assertThat(verdict.endLag()).isEqualTo(500);
        assertThat(verdict.grows()).isTrue();
    }

    @Test
    void theMarginIsHalfASecondOfTrafficButNotBelowTheJitter() {
        assertThat(LagTrend.margin(500)).isEqualTo(250);
        assertThat(LagTrend.margin(2_000)).isEqualTo(1_000);
        assertThat(LagTrend.margin(50)).isEqualTo(LagTrend.MIN_MARGIN);
    }

    @Test
    void withoutSamplesInTheWindowThereIsNoVerdict() {
        assertThatThrownBy(() -> LagTrend.judge(List.of(new LagTrend.Sample(-3, 10)), 60, RATE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
