package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.journey.StallReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageKpisTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static JourneyEventV1.StageEntered entered(String stage) {
        return new JourneyEventV1.StageEntered(stage, stage, null, "default", 1, List.of(), "why");
    }

    static JourneyEventV1.StageExited exited(String stage, long dwellSeconds, String next) {
        return new JourneyEventV1.StageExited(stage, stage, AT, dwellSeconds, next);
    }

    static JourneyEventV1.StallDetected stall(String stage) {
        return new JourneyEventV1.StallDetected(stage, List.of(StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER), List.of(), AT, "silent");
    }

    @Test
    void nothingHappenedYet() {
        StageKpis none = StageKpis.none();
        assertThat(none.currentStage()).isNull();
        assertThat(none.stages()).isEmpty();
        assertThat(none.transitions()).isEmpty();
        assertThat(none.stalled()).isFalse();
        assertThat(none.outcome()).isNull();
    }

    @Test
    void entriesAndExitsCountPerStageAndAMoveIsRecordedOnce() {
        StageKpis kpis = StageKpis.none()
                .apply(entered("exploration"), AT)
                .apply(exited("exploration", 86_400, "selection"), AT)
                .apply(entered("selection"), AT)
                .apply(exited("selection", 3_600, "exploration"), AT)
                .apply(entered("exploration"), AT)
                .apply(exited("exploration", 3 * 86_400, "selection"), AT)
                .apply(entered("selection"), AT);

        assertThat(kpis.currentStage()).isEqualTo("selection");
        assertThat(kpis.stageOf("exploration")).isEqualTo(new StageKpis.StageStats(2, 2, 4 * 86_400));
        assertThat(kpis.stageOf("exploration").averageDays()).isEqualTo(2.0);
        assertThat(kpis.stageOf("selection")).isEqualTo(new StageKpis.StageStats(2, 1, 3_600));
        assertThat(kpis.transitions()).containsExactly(new StageKpis.Transition("exploration", "selection"),
                new StageKpis.Transition("selection", "exploration"));
    }

    @Test
    void anExitMovesTheAccountTowardsItsNextStageButNeverBackwards() {
        StageKpis inSelection = StageKpis.none().apply(entered("selection"), AT);
        assertThat(inSelection.apply(exited("selection", 10, "validation"), AT).currentStage())
                .isEqualTo("validation");
        assertThat(inSelection.apply(exited("exploration", 10, "selection"), AT).currentStage())
                .as("a late exit of another stage leaves the current one").isEqualTo("selection");
        assertThat(inSelection.apply(exited("selection", 10, null), AT).transitions()).isEmpty();
        assertThat(inSelection.stageOf("never").averageDays()).isNull();
    }

    @Test
    void stallsSetAndClearTheFlag() {
        StageKpis stalled = StageKpis.none().apply(entered("consensus"), AT).apply(stall("consensus"), AT);
        assertThat(stalled.stalled()).isTrue();
        assertThat(stalled.apply(new JourneyEventV1.StallCleared("consensus", AT, "moves"), AT).stalled()).isFalse();
    }

    @Test
    void aCloseRecordsTheOutcomeAndEndsTheStall() {
        Instant closedAt = AT.plusSeconds(60);
        StageKpis closed = StageKpis.none().apply(entered("decision"), AT).apply(stall("decision"), AT)
                .apply(new JourneyEventV1.DealClosed(DealOutcome.NO_DECISION, "decision", 12, "why"), closedAt);
        assertThat(closed.outcome()).isEqualTo(DealOutcome.NO_DECISION);
        assertThat(closed.closedAt()).isEqualTo(closedAt);
        assertThat(closed.stalled()).isFalse();
        assertThat(closed.currentStage()).isEqualTo("decision");
        assertThat(StageKpis.none().apply(new JourneyEventV1.DealClosed(DealOutcome.WON, "decision", 90, "w"), AT)
                .currentStage()).as("the close names the stage when no entry was seen").isEqualTo("decision");
    }

    @Test
    void otherPayloadsLeaveTheJourneyAsItIs() {
        StageKpis kpis = StageKpis.none().apply(entered("consensus"), AT);
        assertThat(kpis.apply(new JourneyEventV1.MomentumShifted(1, 2), AT)).isSameAs(kpis);
        assertThat(kpis.apply(new JourneyEventV1.Unrecognized(), AT)).isSameAs(kpis);
    }
}
