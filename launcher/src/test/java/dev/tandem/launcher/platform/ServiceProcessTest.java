package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path directory;

    @Test
    void sendsItsOutputAndErrorsToItsLogFile() throws Exception {
        ServiceProcess process = ChildProcesses.start(ServiceCatalog.STATE, 1, directory,
                "echo started; echo failing >&2; exit 3");

        process.onExit().get();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readAllLines(directory.resolve("logs/journey-state.log"))).containsExactly("started", "failing");
    }

    @Test
    void stopsGracefullyOnSigterm() throws Exception {
        ServiceProcess process = ChildProcesses.start(ServiceCatalog.INGEST, 1, directory,
                "trap 'echo graceful; exit 0' TERM; echo up; while true; do sleep 0.1; done");
        awaitLogLine(process, "up");

        long started = System.nanoTime();
        process.requestStop();
        process.awaitStopped(Duration.ofSeconds(10));

        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(process.logTail(5)).contains("graceful");
    }

    @Test
    void killsWhatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        // an ignored signal stays ignored across exec, so sleep itself ignores SIGTERM
        ServiceProcess process = ChildProcesses.start(ServiceCatalog.KPI, 1, directory,
                "trap '' TERM; echo up; exec sleep 60");
        awaitLogLine(process, "up");

        process.requestStop();
        process.awaitStopped(Duration.ofMillis(500));

        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void logTailGivesTheLastLines() throws Exception {
        Path log = directory.resolve("long.log");
        Files.writeString(log, IntStream.rangeClosed(1, 5000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(ServiceProcess.tail(log, 3)).containsExactly("line 4998", "line 4999", "line 5000");
        assertThat(ServiceProcess.tail(directory.resolve("absent.log"), 3)).isEmpty();
    }

    private static void awaitLogLine(ServiceProcess process, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!process.logTail(10).contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(process.logTail(10)).contains(line);
    }
}
