package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankIsTheValueAtTheCeilingOfTheRank() {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 95)).isEqualTo(95);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99.5)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(new long[] {10, 20, 30}, 50)).as("rank 1.5 rounds up to 2").isEqualTo(20);
    }

    @Test
    void aWholeRankIsNotRoundedUpByFloatingPoint() {
        // 0.55 * 100 is 55.00000000000001 in doubles: rounding that up would take the 56th value
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 55)).isEqualTo(55);
        assertThat(Percentiles.nearestRank(LongStream.rangeClosed(1, 300).toArray(), 17)).isEqualTo(51);
        assertThat(Percentiles.nearestRank(LongStream.rangeClosed(1, 1000).toArray(), 99)).isEqualTo(990);
    }

    @Test
    void summaryOfUnsortedValuesLeavesTheInputAlone() {
        long[] values = {900, 5, 70, 30, 10, 20, 60, 40, 80, 50};

        Percentiles.Summary summary = Percentiles.of(values);

        assertThat(summary).isEqualTo(new Percentiles.Summary(10, 40, 900, 900, 900));
        assertThat(values[0]).isEqualTo(900);
    }

    @Test
    void oneSlowValueInAHundredIsThePercentileAboveNinetyNine() {
        long[] values = LongStream.range(0, 100).map(i -> i == 37 ? 10_000 : 100).toArray();

        Percentiles.Summary summary = Percentiles.of(values);

        assertThat(summary.p99()).isEqualTo(100);
        assertThat(summary.max()).isEqualTo(10_000);
    }

    @Test
    void anEmptySampleHasNoFigures() {
        assertThat(Percentiles.of(new long[0])).isEqualTo(Percentiles.Summary.EMPTY);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
