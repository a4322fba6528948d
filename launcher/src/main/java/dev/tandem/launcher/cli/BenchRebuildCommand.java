package dev.tandem.launcher.cli;

import dev.tandem.launcher.bench.RebuildBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Rebuild rate of the KPI projection over a pre-filled journey-event log. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Pre-fills the journey-event topic, starts kpi-projector, lets it project live, then rebuilds "
                + "the KPI projection from the log and measures the rate.")
final class BenchRebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--touchpoints", defaultValue = "100000",
            description = "Touchpoints the engine turns into journey events (default ${DEFAULT-VALUE}).")
    int touchpoints;

    @Option(names = "--accounts", defaultValue = "5000",
            description = "Accounts they spread over (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "Extra JVM option for kpi-projector (repeatable), e.g. a JFR recording.")
    java.util.List<String> jvmOptions = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RebuildBenchmark.run(new RebuildBenchmark.Spec(touchpoints, accounts, jvmOptions), spec.commandLine().getOut());
        return 0;
    }
}
