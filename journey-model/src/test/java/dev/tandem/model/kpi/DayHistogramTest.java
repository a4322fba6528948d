package dev.tandem.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DayHistogramTest {

    @Test
    void percentilesAreNearestRankOverTheCountedDays() {
        // days 1, 2, 2, 9
        Map<Long, Long> days = Map.of(1L, 1L, 2L, 2L, 9L, 1L);

        assertThat(DayHistogram.percentile(days, 0.5)).isEqualTo(2);
        assertThat(DayHistogram.percentile(days, 0.75)).isEqualTo(2);
        assertThat(DayHistogram.percentile(days, 1.0)).isEqualTo(9);
        assertThat(DayHistogram.percentile(days, 0.25)).isEqualTo(1);
        assertThat(DayHistogram.percentile(Map.of(), 0.5)).isNull();
        assertThatThrownBy(() -> DayHistogram.percentile(days, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wholeDaysRoundDownAndNeverGoNegative() {
        assertThat(DayHistogram.daysOf(86_399)).isZero();
        assertThat(DayHistogram.daysOf(2 * 86_400 + 5)).isEqualTo(2);
        assertThat(DayHistogram.daysOf(-5)).isZero();
    }

    @Test
    void bands() {
        assertThat(Bands.coverage(0, 0)).isEqualTo("n/a");
        assertThat(Bands.coverage(0, 2)).isEqualTo("none");
        assertThat(Bands.coverage(1, 2)).isEqualTo("partial");
        assertThat(Bands.coverage(2, 2)).isEqualTo("full");
        assertThat(Bands.momentum(33)).isEqualTo("low");
        assertThat(Bands.momentum(34)).isEqualTo("medium");
        assertThat(Bands.momentum(67)).isEqualTo("high");
    }
}
