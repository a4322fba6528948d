package dev.tandem.launcher.cli;

import dev.tandem.launcher.bench.SimulationBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Simulation rate of interaction-designer-api over a pre-filled touchpoint log. */
@Command(name = "simulation", mixinStandardHelpOptions = true,
        description = "Pre-fills the touchpoint topic, starts interaction-designer-api and measures how fast a draft "
                + "journey is simulated over the log.")
final class BenchSimulationCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000",
            description = "Touchpoints in the log (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--accounts", defaultValue = "5000",
            description = "Accounts they spread over (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--heap", defaultValue = "1400m",
            description = "interaction-designer-api's -Xmx (default ${DEFAULT-VALUE}: a simulation holds about 170 KB "
                    + "per account, at most what three quarters of the heap hold).")
    String heap;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "Extra JVM option for interaction-designer-api (repeatable), e.g. a JFR recording.")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SimulationBenchmark.run(new SimulationBenchmark.Spec(events, accounts, heap, jvmOptions),
                spec.commandLine().getOut());
        return 0;
    }
}
