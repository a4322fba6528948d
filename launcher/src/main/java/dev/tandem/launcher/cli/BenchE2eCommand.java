package dev.tandem.launcher.cli;

import dev.tandem.events.EventJson;
import dev.tandem.launcher.bench.E2eBenchmark;
import dev.tandem.launcher.bench.E2eResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * End-to-end latency: the whole platform as {@code tandem up} runs it, touchpoints posted at an offered rate, the
 * time from each 202 to the seller view showing it; journey-state's lag and each service's resident memory.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"Starts the whole platform (like tandem up, on free ports), posts touchpoints to journey-ingest "
                + "at an offered rate, open loop, and measures the time from each 202 to the seller view (the designer "
                + "API's touchpointCount) showing it: p50, p95, p99; whether journey-state's lag grows; each "
                + "service's resident memory."})
final class BenchE2eCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", defaultValue = "500",
            description = "Touchpoints per second offered (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seconds", defaultValue = "60", description = "The measured window (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "20",
            description = "Sending at the same rate before the window, not measured (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--accounts", defaultValue = "500",
            description = "Accounts the touchpoints go to, in turn (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--batch", defaultValue = "" + E2eBenchmark.DEFAULT_BATCH_SIZE,
            description = "Touchpoints per POST (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "A JVM option for every service "
            + "(repeatable); given, they replace tandem up's defaults (-Xms64m -Xmx384m -XX:+UseSerialGC "
            + "-XX:TieredStopAtLevel=1), e.g. to see what the C2 compiler changes.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the figures as JSON to FILE (docs/benchmarks.json is the standard set's).")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        E2eResult result = E2eBenchmark.run(new E2eBenchmark.Spec(rate, seconds, warmupSeconds, accounts, batchSize,
                jvmOptions), out, new ConsoleProgress(out));
        if (output != null) {
            Map<String, Object> figures = new LinkedHashMap<>(result.figures());
            figures.put("rssMbByService", result.residentMbByService());
            figures.put("machine", BenchCommand.machine());
            figures.put("command", String.format("./tandem bench e2e --rate %s --seconds %d --warmup-seconds %d "
                    + "--accounts %d --batch %d%s", BenchCommand.number(rate), seconds, warmupSeconds,
                    accounts, batchSize, jvmOptions.stream().map(o -> " --jvm-option=" + o)
                            .collect(Collectors.joining())));
            figures.put("measuredAt", Instant.now().toString());
            Files.createDirectories(output.toAbsolutePath().getParent());
            EventJson.mapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), figures);
            out.printf("Written to %s%n", output);
        }
        return 0;
    }
}
