package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CompilerThreadsTest {

    @Test
    void countsTheUserAndSystemTicksOfACompilerThreadWhoseNameHoldsSpaces() {
        String stat = "1234 (C2 CompilerThre) S 1 1 1 0 -1 1077936192 100 0 0 0 250 17 0 0 20 0 1 0 100 0 0";
        assertThat(CompilerThreads.compilerTicksOf(stat)).isEqualTo(267);
    }

    @Test
    void countsNothingForAnyOtherThread() {
        String stat = "1235 (vert.x-eventloo) S 1 1 1 0 -1 1077936192 100 0 0 0 900 40 0 0 20 0 1 0 100 0 0";
        assertThat(CompilerThreads.compilerTicksOf(stat)).isZero();
    }

    @Test
    void theShareIsBusySecondsPerSecondOfTheWindow() {
        assertThat(CompilerThreads.share(OptionalLong.of(100), OptionalLong.of(600), Duration.ofSeconds(20)))
                .isEqualTo(0.25);
        assertThat(CompilerThreads.share(OptionalLong.empty(), OptionalLong.of(600), Duration.ofSeconds(20)))
                .isNaN();
    }

    @Test
    void readsThisJvmsOwnCompilerThreads() {
        assertThat(CompilerThreads.ticks(ProcessHandle.current().pid())).isPresent();
    }
}
