package dev.tandem.launcher.cli;

import dev.tandem.launcher.bench.RebuildBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Rebuild rate of the KPI projection over a pre-filled journey-event log. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "For each projection (kpi, designer): pre-fills the topics it reads, starts its service, lets it "
                + "project live, then rebuilds the projection from the log, measures the rate and compares what "
                + "the API answers before and after.")
final class BenchRebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--touchpoints", defaultValue = "100000",
            description = "Touchpoints the engine turns into journey events (default ${DEFAULT-VALUE}).")
    int touchpoints;

    @Option(names = "--accounts", defaultValue = "5000",
            description = "Accounts they spread over (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--projection", defaultValue = "all",
            description = "kpi, designer or all (default ${DEFAULT-VALUE}).")
    String projection;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "Extra JVM option for the rebuilt service (repeatable), e.g. a JFR recording.")
    java.util.List<String> jvmOptions = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!java.util.Set.of("kpi", "designer", "all").contains(projection)) {
            spec.commandLine().getErr().printf("Unknown projection %s: kpi, designer or all.%n", projection);
            return 2;
        }
        RebuildBenchmark.Spec rebuild = new RebuildBenchmark.Spec(touchpoints, accounts, jvmOptions);
        if (!"designer".equals(projection)) {
            RebuildBenchmark.run(rebuild, spec.commandLine().getOut());
        }
        if (!"kpi".equals(projection)) {
            RebuildBenchmark.runDesigner(rebuild, spec.commandLine().getOut());
        }
        return 0;
    }
}
