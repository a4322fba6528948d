package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class E2eResultTest {

    private static E2eResult result(OptionalDouble drained) {
        return new E2eResult(500, 498.4, 60, 20, 500,
                new Percentiles.Summary(29_900, 81_400_000, 190_600_000, 412_499_999, 901_000_000),
                new Percentiles.Summary(29_900, 40_000_000, 150_000_000, 380_000_000, 880_000_000),
                new Percentiles.Summary(29_900, 30_000_000, 60_000_000, 75_000_000, 120_000_000),
                0, 0, new LagTrend.Verdict(120, 140, 250, false, drained),
                Map.of("journey-state", 610L),
                CpuUse.between(Map.of("journey-state", Duration.ofSeconds(10), "journey-ingest", Duration.ofSeconds(4)),
                        Map.of("journey-state", Duration.ofSeconds(40), "journey-ingest", Duration.ofSeconds(19),
                                "kpi-projector", Duration.ofSeconds(3)),
                        Duration.ofSeconds(60), 30_000));
    }

    @Test
    void figuresCarryTheKeysOfIssueSixInWholeMilliseconds() {
        Map<String, Object> figures = result(OptionalDouble.of(1.0)).figures();

        assertThat(figures).containsEntry("e2eOfferedRate", 500L)
                .containsEntry("e2eAchievedRate", 498L)
                .containsEntry("e2eP50Ms", 81L)
                .containsEntry("e2eP95Ms", 191L)
                .containsEntry("e2eP99Ms", 412L)
                .containsEntry("e2eP99LowerBoundMs", 380L)
                .containsEntry("e2ePollUncertaintyP99Ms", 75L)
                .containsEntry("e2eLagGrows", false)
                .containsEntry("e2eLagDrainedAfterSeconds", 1L)
                .containsEntry("e2eTouchpoints", 29_900);
        assertThat(figures).as("merged with the drain's figure by the caller").doesNotContainKey("rssMbByService");
    }

    @Test
    void cpuIsPerTouchpointOfTheWindowForProcessesReadAtBothEnds() {
        CpuUse cpu = result(OptionalDouble.empty()).cpu();

        assertThat(cpu.msPerTouchpoint()).containsExactlyInAnyOrderEntriesOf(
                Map.of("journey-state", 1.0, "journey-ingest", 0.5));
        assertThat(cpu.totalMsPerTouchpoint()).isEqualTo(1.5);
        assertThat(cpu.coresBusy()).as("45 CPU seconds in 60 s").isEqualTo(0.75);
        assertThat(result(OptionalDouble.empty()).figures()).containsEntry("e2eCoresBusy", 0.75);
    }

    @Test
    void aLagNotDrainedHasNoDrainTime() {
        assertThat(result(OptionalDouble.empty()).figures()).containsEntry("e2eLagDrainedAfterSeconds", null);
    }

    @Test
    void noSampleIsMinusOneNotZero() {
        assertThat(E2eResult.millis(-1)).isEqualTo(-1);
        assertThat(E2eResult.millis(499_999)).isZero();
        assertThat(E2eResult.millis(500_000)).isEqualTo(1);
    }
}
