package dev.tandem.launcher;

import dev.tandem.events.EventJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem bench}: measurements that are not tests. Without a subcommand it runs the standard set (the
 * in-order and the shuffled drain of journey-state), prints the figures and writes them to
 * {@code docs/benchmarks.json}; {@code docs/benchmarks.md} explains them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not tests): the standard set, or one measurement with a subcommand.",
        subcommands = BenchCommand.Drain.class)
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Smaller backlogs (20,000 touchpoints, a 10,000 warm-up): under 5 "
            + "minutes, for a first look; the figures are lower than the full run's.")
    boolean quick;

    @Option(names = "--output", paramLabel = "FILE", description = "Where the figures go as JSON "
            + "(default docs/benchmarks.json in the checkout).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int events = quick ? 20_000 : 100_000;
        int warmup = quick ? 10_000 : 50_000;
        out.printf("1/2 drain, each account's touchpoints in order: %,d over %,d accounts%n", events, events / 20);
        DrainBenchmark.Result inOrder = DrainBenchmark.run(new DrainBenchmark.Spec(events, events / 20, 0.02, false,
                warmup, "320m", List.of(), List.of()), out);
        out.printf("%n2/2 drain, each account's touchpoints shuffled: %,d over %,d accounts%n", events, events / 100);
        DrainBenchmark.Result shuffled = DrainBenchmark.run(new DrainBenchmark.Spec(events, events / 100, 0.02, true,
                warmup, "320m", List.of(), List.of()), out);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drainEventsPerSec", Math.round(inOrder.rate()));
        figures.put("shuffledDrainEventsPerSec", Math.round(shuffled.rate()));
        figures.put("rssMbByService", Map.of("journey-state", Math.max(inOrder.residentMb(), shuffled.residentMb())));
        figures.put("shuffledRederivations", shuffled.rederivations());
        figures.put("shuffledReplayedEntries", shuffled.replayed());
        figures.put("events", events);
        figures.put("warmupEvents", warmup);
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", Runtime.version().toString(), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        figures.put("command", quick ? "./tandem bench --quick" : "./tandem bench");
        figures.put("measuredAt", Instant.now().toString());
        Path file = output != null ? output : RepositoryRoot.locate().resolve("docs").resolve("benchmarks.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        EventJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), figures);
        out.printf("%nDrain in order %,d touchpoints/s, shuffled %,d touchpoints/s, journey-state at most %,d MiB "
                + "resident. Written to %s%n", Math.round(inOrder.rate()), Math.round(shuffled.rate()),
                Math.max(inOrder.residentMb(), shuffled.residentMb()), file);
        return 0;
    }

    /**
     * Drain rate of journey-state: pre-fills {@code tandem.touchpoints.v1}, then starts the packaged service and
     * measures until its committed offsets reach the end of the topic.
     */
    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Pre-fills the touchpoint topic, starts journey-state and measures its drain rate.")
    static final class Drain implements Callable<Integer> {

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

        @Option(names = "--warmup", defaultValue = "50000", description = "Touchpoints of another tenant drained "
                + "first, so the figure is the warm rate, not the JIT compiling (default ${DEFAULT-VALUE}; 0: none).")
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
}
