package dev.tandem.launcher;

import dev.tandem.events.TouchpointV1;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem bench}: measurements that are not tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (not tests).",
        subcommands = BenchCommand.Drain.class)
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Drain rate of journey-state: pre-fills {@code tandem.touchpoints.v1}, then starts the packaged service and
     * measures until every distinct touchpoint is applied (rows of {@code processed_touchpoint}).
     */
    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Pre-fills the touchpoint topic, starts journey-state and measures its drain rate.")
    static final class Drain implements Callable<Integer> {

        private static final Pattern QUANTILE = Pattern.compile(
                "tandem_state_batch_seconds\\{quantile=\"([0-9.]+)\"[^}]*} ([0-9.eE+-]+)");
        private static final Pattern COUNT = Pattern.compile(
                "tandem_state_batch_seconds_count(?:\\{[^}]*})? ([0-9.eE+]+)");

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

        @Option(names = "--max-poll-records", defaultValue = "500",
                description = "Records per poll, i.e. the most touchpoints per batch (default ${DEFAULT-VALUE}).")
        int maxPollRecords;

        @Option(names = "--heap", defaultValue = "512m",
                description = "journey-state's -Xmx (default ${DEFAULT-VALUE}).")
        String heap;

        @Option(names = "--stall-ticks-off", defaultValue = "true", arity = "1", description = "Keep the stall ticker "
                + "off while measuring (default ${DEFAULT-VALUE}; false for a build that has no ticker).")
        boolean stallTicksOff;

        @Option(names = "--state-property", paramLabel = "KEY=VALUE",
                description = "Extra configuration for journey-state (repeatable), e.g. to compare settings.")
        List<String> stateProperties = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path root = RepositoryRoot.locate();
            Path data = Files.createTempDirectory("tandem-bench-");
            // the broker's and PostgreSQL's chatter goes to a file: the console shows the figures
            LauncherLog.writeTo(data.resolve("logs").resolve("launcher.log"));
            out.printf("Logs in %s%n", data.resolve("logs"));
            List<TouchpointV1> touchpoints = TouchpointMix.generate("bench", events, accounts, duplicates, 42);
            long distinct = TouchpointMix.distinct(touchpoints);
            out.printf("Machine: %d cores, Java %s; journey-state -Xmx%s, max.poll.records=%d%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), heap, maxPollRecords);
            try (StateRig rig = StateRig.start(root, data, List.of("-Xmx" + heap, "-XX:+UseSerialGC"))) {
                long fill = System.nanoTime();
                rig.prefill(touchpoints);
                out.printf("Pre-filled %,d touchpoints (%,d distinct) over %,d accounts in %.1f s%n",
                        touchpoints.size(), distinct, accounts, seconds(System.nanoTime() - fill));
                out.flush();
                long start = System.nanoTime();
                List<String> properties = new ArrayList<>(List.of(
                        "mp.messaging.incoming.touchpoints-in.max.poll.records=" + maxPollRecords,
                        "quarkus.log.category.\"dev.tandem\".level=WARN"));
                if (stallTicksOff) {
                    // measured: the touchpoint path alone, not live stall ticks of the accounts it creates
                    properties.add("tandem.state.stall-tick.start-delay=1h");
                }
                properties.addAll(stateProperties);
                rig.startState(properties);
                out.printf("journey-state ready after %.1f s (it consumes while starting)%n",
                        seconds(System.nanoTime() - start));
                out.flush();
                StateRig.Progress progress = awaitApplied(rig, distinct);
                double all = seconds(System.nanoTime() - start);
                out.printf("Applied %,d touchpoints: drain %.1f s (first to last commit) = %,.0f events/s; "
                                + "%.1f s from process start%n", progress.applied(),
                        progress.drainTime().toMillis() / 1000.0,
                        progress.applied() / Math.max(0.001, progress.drainTime().toMillis() / 1000.0), all);
                String metrics = rig.metrics();
                printBatchLatency(out, metrics, progress.applied());
                while (rig.progress().outboxRows() > 0) {
                    Thread.sleep(200);
                }
                out.printf("Outbox relayed (journey events and snapshots on Kafka) %.1f s from process start%n",
                        seconds(System.nanoTime() - start));
            }
            return 0;
        }

        private static StateRig.Progress awaitApplied(StateRig rig, long distinct) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            StateRig.Progress progress = rig.progress();
            while (progress.applied() < distinct) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not drained after 30 minutes: " + progress + "; see "
                            + rig.logFile());
                }
                Thread.sleep(250);
                progress = rig.progress();
            }
            return progress;
        }

        private static void printBatchLatency(PrintWriter out, String metrics, long applied) {
            StringBuilder line = new StringBuilder("Batch latency (transaction + ack):");
            Matcher quantiles = QUANTILE.matcher(metrics);
            while (quantiles.find()) {
                line.append(String.format(" p%d %.1f ms", Math.round(Double.parseDouble(quantiles.group(1)) * 100),
                        Double.parseDouble(quantiles.group(2)) * 1000));
            }
            Matcher count = COUNT.matcher(metrics);
            if (count.find()) {
                double batches = Double.parseDouble(count.group(1));
                line.append(String.format("; %,.0f batches, %.0f touchpoints per batch on average", batches,
                        applied / Math.max(1, batches)));
            }
            out.println(line);
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }
}
