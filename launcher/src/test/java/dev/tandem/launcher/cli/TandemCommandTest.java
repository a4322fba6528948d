package dev.tandem.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TandemCommandTest {

    private final TandemRun tandem = new TandemRun();

    private int run(String... args) {
        return tandem.run(args);
    }

    @Test
    void withoutSubcommandListsUpAndDemo() {
        assertThat(run()).isZero();
        assertThat(tandem.out()).contains("up", "demo");
    }

    @Test
    void upHelpDocumentsPortsDataDirectoryAndDemo() {
        assertThat(run("up", "--help")).isZero();
        assertThat(tandem.out()).contains("--demo", "--ingest-port", "--state-port", "--designer-port",
                "--kpi-port", "--data-dir", "default 8081", "default .tandem");
    }

    @Test
    void demoHelpDocumentsTheIngestUrl() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(tandem.out()).contains("--ingest-url", "http://localhost:8081");
    }

    @Test
    void benchListsTheEndToEndRunAndItsOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(tandem.out()).contains("drain", "e2e");

        assertThat(run("bench", "e2e", "--help")).isZero();
        assertThat(tandem.out()).contains("--rate", "--seconds", "--warmup-seconds", "--accounts", "default 500",
                "default 60", "default 20");
    }

    @Test
    void aMistypedOptionIsAUsageError() {
        assertThat(run("up", "--ingest-prot", "9000")).isEqualTo(2);
        assertThat(tandem.err()).contains("--ingest-prot");
    }

    @Test
    void demoAgainstNothingFailsWithAMessageNotAStackTrace() {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + closedPort;

        assertThat(run("demo", "--ingest-url", url, "--designer-url", url, "--kpi-url", url, "--timeout", "1"))
                .isEqualTo(1);
        assertThat(tandem.err()).contains("The demo did not complete", "no answer from").doesNotContain("\tat ");
    }
}
