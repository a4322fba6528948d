package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.DealOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageSummaryTest {

    @Test
    void withoutAccountsEverythingIsZeroOrEmptyAndTheRateIsUnknown() {
        StageSummary empty = StageSummary.empty();
        assertThat(empty.accountsByStage()).isEmpty();
        assertThat(empty.stalledAccounts()).isZero();
        assertThat(empty.outcomes()).containsOnlyKeys(DealOutcome.values()).doesNotContainValue(1L)
                .containsValue(0L);
        assertThat(empty.stageConversion()).isEmpty();
        assertThat(empty.averageDaysInStage()).isEmpty();
        assertThat(empty.noDecisionRate()).isNull();
    }

    @Test
    void everyStageSeenIsListedAndAveragesAreOverExits() {
        StageSummary summary = StageSummary.of(
                Map.of("selection", 3L),
                Map.of("exploration", new StageSummary.StageTotals(5, 4, 4 * 86_400 + 2 * 43_200),
                        "selection", new StageSummary.StageTotals(4, 0, 0)),
                List.of(new StageSummary.Conversion("selection", "exploration", 1),
                        new StageSummary.Conversion("exploration", "selection", 4)),
                Map.of(DealOutcome.WON, 1L, DealOutcome.NO_DECISION, 2L),
                2);

        assertThat(summary.accountsByStage()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(Map.of("exploration", 0L, "selection", 3L)));
        assertThat(summary.averageDaysInStage()).containsOnly(Map.entry("exploration", 1.25));
        assertThat(summary.stageConversion()).extracting(StageSummary.Conversion::from)
                .containsExactly("exploration", "selection");
        assertThat(summary.outcomes()).containsEntry(DealOutcome.LOST, 0L).containsEntry(DealOutcome.WON, 1L);
        assertThat(summary.noDecisionRate()).isEqualTo(2.0 / 3);
        assertThat(summary.stalledAccounts()).isEqualTo(2);
    }
}
