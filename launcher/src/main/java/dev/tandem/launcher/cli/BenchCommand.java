package dev.tandem.launcher.cli;

import dev.tandem.events.EventJson;
import dev.tandem.launcher.bench.DrainBenchmark;
import dev.tandem.launcher.bench.E2eBenchmark;
import dev.tandem.launcher.bench.E2eResult;
import dev.tandem.launcher.bench.IngestBenchmark;
import dev.tandem.launcher.bench.RebuildBenchmark;
import dev.tandem.launcher.bench.SimulationBenchmark;
import dev.tandem.launcher.platform.RepositoryRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * in-order and the shuffled drain of journey-state, the end-to-end latency of the whole platform, then the
 * simulation of a draft journey over a million recorded touchpoints, the rebuild of the KPI projection from the
 * journey events of 100,000 touchpoints), prints the
 * figures and writes them to {@code docs/benchmarks.json}; {@code docs/benchmarks.md} explains them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not tests): the standard set, or one measurement with a subcommand.",
        subcommands = {BenchDrainCommand.class, BenchE2eCommand.class, BenchSimulationCommand.class,
            BenchIngestCommand.class,
            BenchRebuildCommand.class})
final class BenchCommand implements Callable<Integer> {

    /** The end-to-end run of the standard set: 500 touchpoints/s over 500 accounts. */
    static final double E2E_RATE = 500;
    static final int E2E_ACCOUNTS = 500;
    /** The simulation of the standard set: a million touchpoints (100,000 quick) over 5,000 accounts. */
    static final int SIMULATION_ACCOUNTS = 5000;
    static final String SIMULATION_HEAP = "1400m";

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Within five minutes: smaller backlogs (20,000 touchpoints, a 5,000 "
            + "warm-up), a 15 s latency window after a 5 s warm-up, a 100,000-touchpoint simulation and a cold ingest "
            + "step: for a first look; the figures are lower than the full run's.")
    boolean quick;

    @Option(names = "--output", paramLabel = "FILE", description = "Where the figures go as JSON "
            + "(default docs/benchmarks.json in the checkout).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int events = quick ? 20_000 : 100_000;
        int warmup = quick ? 5_000 : 200_000;
        int e2eSeconds = quick ? 15 : 60;
        int e2eWarmup = quick ? 5 : 20;
        out.printf("1/6 drain, each account's touchpoints in order: %,d over %,d accounts%n", events, events / 20);
        DrainBenchmark.Result inOrder = DrainBenchmark.run(new DrainBenchmark.Spec(events, events / 20, 0.02, false,
                warmup, "320m", List.of(), List.of()), out);
        out.printf("%n2/6 drain, each account's touchpoints shuffled: %,d over %,d accounts%n", events, events / 100);
        DrainBenchmark.Result shuffled = DrainBenchmark.run(new DrainBenchmark.Spec(events, events / 100, 0.02, true,
                warmup, "320m", List.of(), List.of()), out);
        out.printf("%n3/6 end-to-end latency, the whole platform: %s touchpoints/s offered for %d s over %,d "
                + "accounts after a %d s warm-up%n", number(E2E_RATE), e2eSeconds, E2E_ACCOUNTS, e2eWarmup);
        out.flush();
        E2eResult e2e = E2eBenchmark.run(new E2eBenchmark.Spec(E2E_RATE, e2eSeconds, e2eWarmup, E2E_ACCOUNTS,
                E2eBenchmark.DEFAULT_BATCH_SIZE, List.of()), out, new ConsoleProgress(out));
        int simulated = quick ? 100_000 : 1_000_000;
        out.printf("%n4/6 simulation of a draft journey over a recorded log of %,d touchpoints, %,d accounts%n",
                simulated, SIMULATION_ACCOUNTS);
        out.flush();
        SimulationBenchmark.Result simulation = SimulationBenchmark.run(new SimulationBenchmark.Spec(simulated,
                SIMULATION_ACCOUNTS, SIMULATION_HEAP, List.of()), out);

        int rebuilt = quick ? 20_000 : 100_000;
        out.printf("%n5/6 rebuild of the KPI projection and of the sellers' read model from the log of %,d "
                + "touchpoints, %,d accounts%n", rebuilt, SIMULATION_ACCOUNTS);
        out.flush();
        RebuildBenchmark.Spec rebuildSpec = new RebuildBenchmark.Spec(rebuilt, SIMULATION_ACCOUNTS, List.of());
        RebuildBenchmark.Result rebuild = RebuildBenchmark.run(rebuildSpec, out);
        RebuildBenchmark.Result designerRebuild = RebuildBenchmark.runDesigner(rebuildSpec, out);

        out.printf("%n6/6 HTTP ingest (batches of 100) against Kafka's own producer on the same broker%n");
        out.flush();
        // --quick stays within a few minutes: its ingest figure is a cold service's (the run says how busy the JIT was)
        IngestBenchmark.Result ingest = IngestBenchmark.run(BenchIngestCommand.spec(quick ? 10 : 30,
                quick ? 10 : 30, quick ? 15 : 180, 8, quick ? 100_000 : 1_000_000, List.of()), out);

        Map<String, Long> resident = new LinkedHashMap<>(e2e.residentMbByService());
        resident.merge("journey-state", Math.max(inOrder.residentMb(), shuffled.residentMb()), Math::max);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drainEventsPerSec", Math.round(inOrder.rate()));
        figures.put("shuffledDrainEventsPerSec", Math.round(shuffled.rate()));
        figures.putAll(e2e.figures());
        figures.putAll(simulation.figures());
        figures.putAll(rebuild.figures());
        figures.putAll(designerRebuild.figures());
        figures.putAll(ingest.figures());
        // the simulation runs with a heap of its own size: its figure is not the service's as tandem up runs it
        resident.put("interaction-designer-api (simulation, -Xmx" + SIMULATION_HEAP + ")", simulation.residentMb());
        figures.put("rssMbByService", resident);
        figures.put("shuffledRederivations", shuffled.rederivations());
        figures.put("shuffledReplayedEntries", shuffled.replayed());
        figures.put("events", events);
        figures.put("warmupEvents", warmup);
        figures.put("machine", machine());
        figures.put("command", quick ? "./tandem bench --quick" : "./tandem bench");
        figures.put("measuredAt", Instant.now().toString());
        Path file = output != null ? output : RepositoryRoot.locate().resolve("docs").resolve("benchmarks.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        EventJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), figures);
        out.printf("%nDrain in order %,d touchpoints/s, shuffled %,d touchpoints/s; end to end p99 %,d ms at %s/s "
                + "offered, lag %s; simulation %,d touchpoints/s; KPI rebuild %,d events/s; ingest/Kafka %.3f; resident MiB "
                + "%s. Written to %s%n",
                Math.round(inOrder.rate()), Math.round(shuffled.rate()), (Long) e2e.figures().get("e2eP99Ms"),
                number(E2E_RATE), e2e.lagGrows() ? "grows" : "does not grow", simulation.rate(),
                rebuild.eventsPerSecond(), ingest.ratio(), resident, file);
        return 0;
    }

    static Map<String, Object> machine() {
        return Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", Runtime.version().toString(), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
    }

    /** 500.0 → "500", 12.5 → "12.5". */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
