package dev.tandem.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code tandem} command line in the test's JVM and keeps what it printed. */
final class TandemRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The exit code of {@code tandem args…}; what it printed accumulates in {@link #out()} and {@link #err()}. */
    int run(String... args) {
        CommandLine tandem = TandemCommand.commandLine();
        tandem.setOut(new PrintWriter(out));
        tandem.setErr(new PrintWriter(err));
        return tandem.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
