package dev.tandem.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AttributionModelTest {

    private static final Instant CONVERSION = Instant.parse("2026-03-01T00:00:00Z");

    @Property
    void everyModelHandsOutExactlyOneOverAnyWindow(@ForAll @IntRange(min = 1, max = 60) int touches,
            @ForAll @IntRange(min = -1, max = 70) int milestone, @ForAll @IntRange(min = 0, max = 400) int spanDays) {
        List<Instant> times = times(touches, spanDays);
        for (AttributionModel model : AttributionModel.values()) {
            double[] credit = model.credits(times, milestone, CONVERSION);
            assertThat(credit).hasSize(touches);
            assertThat(Arrays.stream(credit).sum()).as(model.name()).isCloseTo(1.0, within(1e-9));
            assertThat(Arrays.stream(credit).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void anEmptyWindowEarnsNothing() {
        assertThat(AttributionModel.LINEAR.credits(List.of(), -1, CONVERSION)).isEmpty();
    }

    @Test
    void wShapedGivesThirtyPercentToEachMilestoneAndTheRestToTheOthers() {
        double[] credit = AttributionModel.W_SHAPED.credits(times(5, 10), 2, CONVERSION);

        assertThat(credit).containsExactly(new double[] {0.3, 0.05, 0.3, 0.05, 0.3}, within(1e-12));
    }

    @Test
    void wShapedWithoutAMilestoneTakesTheMiddleTouchpoint() {
        assertThat(AttributionModel.W_SHAPED.credits(times(4, 10), -1, CONVERSION))
                .containsExactly(new double[] {0.3, 0.1, 0.3, 0.3}, within(1e-12));
    }

    @Test
    void timeDecayHalvesTheShareEverySevenDays() {
        List<Instant> times = List.of(CONVERSION.minus(Duration.ofDays(14)), CONVERSION.minus(Duration.ofDays(7)),
                CONVERSION);
        // weights 1/4, 1/2, 1 over 7/4
        assertThat(AttributionModel.TIME_DECAY.credits(times, -1, CONVERSION))
                .containsExactly(new double[] {1.0 / 7, 2.0 / 7, 4.0 / 7}, within(1e-12));
    }

    @Test
    void firstLastAndLinear() {
        List<Instant> times = times(4, 3);
        assertThat(AttributionModel.FIRST_TOUCH.credits(times, -1, CONVERSION)).containsExactly(1, 0, 0, 0);
        assertThat(AttributionModel.LAST_TOUCH.credits(times, -1, CONVERSION)).containsExactly(0, 0, 0, 1);
        assertThat(AttributionModel.LINEAR.credits(times, -1, CONVERSION)).containsExactly(0.25, 0.25, 0.25, 0.25);
        assertThat(AttributionModel.fromWireName("time_decay")).contains(AttributionModel.TIME_DECAY);
        assertThat(AttributionModel.fromWireName("u_shaped")).isEmpty();
    }

    private static List<Instant> times(int touches, int spanDays) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < touches; i++) {
            long back = touches == 1 ? 0 : (long) spanDays * 86_400 * (touches - 1 - i) / (touches - 1);
            times.add(CONVERSION.minusSeconds(back));
        }
        return times;
    }
}
