package dev.tandem.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TandemCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine tandem = TandemCommand.commandLine();
        tandem.setOut(new PrintWriter(out));
        tandem.setErr(new PrintWriter(err));
        return tandem.execute(args);
    }

    @Test
    void withoutSubcommandListsUpAndDemo() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("up", "demo");
    }

    @Test
    void upHelpDocumentsPortsDataDirectoryAndDemo() {
        assertThat(run("up", "--help")).isZero();
        assertThat(out.toString()).contains("--demo", "--ingest-port", "--state-port", "--designer-port",
                "--kpi-port", "--data-dir", "default 8081", "default .tandem");
    }

    @Test
    void demoHelpDocumentsTheIngestUrl() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--ingest-url", "http://localhost:8081");
    }

    @Test
    void benchListsTheEndToEndRunAndItsOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("drain", "e2e");

        assertThat(run("bench", "e2e", "--help")).isZero();
        assertThat(out.toString()).contains("--rate", "--seconds", "--warmup-seconds", "--accounts", "default 500",
                "default 60", "default 20");
    }

    @Test
    void aMistypedOptionIsAUsageError() {
        assertThat(run("up", "--ingest-prot", "9000")).isEqualTo(2);
        assertThat(err.toString()).contains("--ingest-prot");
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
        assertThat(err.toString()).contains("The demo did not complete", "no answer from").doesNotContain("\tat ");
    }
}
