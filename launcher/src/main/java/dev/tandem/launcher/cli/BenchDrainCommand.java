package dev.tandem.launcher.cli;

import dev.tandem.launcher.bench.DrainBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drain rate of journey-state: pre-fills {@code tandem.touchpoints.v1}, then starts the packaged service and
 * measures until its committed offsets reach the end of the topic.
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Pre-fills the touchpoint topic, starts journey-state and measures its drain rate.")
final class BenchDrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "100000",
            description = "Touchpoints to pre-fill (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--accounts", defaultValue = "5000",
            description = "Accounts they spread over (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--duplicates", defaultValue = "0.02",
            description = "Share of resent duplicates (default ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--shuffled", description = "Each account's touchpoints in random order (a backfill).")
    boolean shuffled;

    @Option(names = "--warmup", defaultValue = "200000", description = "Touchpoints of another tenant drained "
            + "first, so the figure is the warm rate, not the JIT compiling (default ${DEFAULT-VALUE}: after 50,000 "
            + "the compiler still took a tenth of a core through the drain; the run says how busy it was; 0: none).")
    int warmup;

    @Option(names = "--heap", defaultValue = "320m",
            description = "journey-state's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jfr", paramLabel = "FILE",
            description = "Record a JFR profile of journey-state to FILE (what bounds the figure).")
    Path jfr;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "Extra JVM option for journey-state (repeatable), e.g. a profiler agent.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--state-property", paramLabel = "KEY=VALUE",
            description = "Extra configuration for journey-state (repeatable), e.g. to compare settings.")
    List<String> stateProperties = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath());
        }
        DrainBenchmark.run(new DrainBenchmark.Spec(events, accounts, duplicates, shuffled, warmup, heap, jvm,
                stateProperties), spec.commandLine().getOut());
        return 0;
    }
}
