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
     * measures until its committed offsets reach the end of the topic.
     */
    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Pre-fills the touchpoint topic, starts journey-state and measures its drain rate.")
    static final class Drain implements Callable<Integer> {

        private static final Pattern REDERIVATIONS = Pattern.compile("tandem_state_rederivations_total ([0-9.eE+]+)");
        private static final Pattern REPLAYED = Pattern.compile("tandem_state_replayed_entries_total ([0-9.eE+]+)");

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
            PrintWriter out = spec.commandLine().getOut();
            Path root = RepositoryRoot.locate();
            Path data = Files.createTempDirectory("tandem-bench-");
            // the broker's chatter goes to a file: the console shows the figures
            LauncherLog.writeTo(data.resolve("logs").resolve("launcher.log"));
            out.printf("Logs in %s%n", data.resolve("logs"));
            List<TouchpointV1> touchpoints = TouchpointMix.generate("bench", events, accounts, duplicates, 42);
            if (shuffled) {
                touchpoints = TouchpointMix.shuffledPerAccount(touchpoints, 42);
            }
            long distinct = TouchpointMix.distinct(touchpoints);
            out.printf("Machine: %d cores, Java %s; journey-state -Xmx%s; %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), heap,
                    shuffled ? "each account's touchpoints shuffled" : "each account's touchpoints in order");
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC"));
            jvm.addAll(jvmOptions);
            if (jfr != null) {
                jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath());
            }
            try (StateRig rig = StateRig.start(root, data, jvm)) {
                List<String> properties = new ArrayList<>(List.of("quarkus.log.category.\"dev.tandem\".level=WARN",
                        // measured: the touchpoint path alone, not the stall punctuator's visits
                        "tandem.state.stall-tick.interval=1h"));
                properties.addAll(stateProperties);
                long start = System.nanoTime();
                if (warmup > 0) {
                    rig.prefill(TouchpointMix.generate("warmup", warmup, accounts, duplicates, 7));
                    rig.startState(properties);
                    Drained warm = awaitDrained(rig);
                    out.printf("Warm-up: %,d touchpoints of another tenant drained at %,.0f touchpoints/s%n",
                            warm.records(), warm.records() / Math.max(0.001, warm.seconds()));
                    out.flush();
                }
                long fill = System.nanoTime();
                rig.prefill(touchpoints);
                out.printf("Pre-filled %,d touchpoints (%,d distinct) over %,d accounts in %.1f s%n",
                        touchpoints.size(), distinct, accounts, seconds(System.nanoTime() - fill));
                out.flush();
                if (warmup == 0) {
                    rig.startState(properties);
                    out.printf("journey-state ready after %.1f s (it consumes while starting)%n",
                            seconds(System.nanoTime() - start));
                }
                Drained drained = awaitDrained(rig);
                out.printf("Drained %,d records in %.1f s from the first commit = %,.0f touchpoints/s; "
                                + "%.1f s from process start%n", drained.records(), drained.seconds(),
                        drained.records() / Math.max(0.001, drained.seconds()),
                        seconds(System.nanoTime() - start));
                String metrics = rig.metrics();
                out.printf("Replays from a checkpoint: %s, history entries replayed: %s%n",
                        figure(REDERIVATIONS, metrics), figure(REPLAYED, metrics));
                out.printf("journey-state resident memory: %,d MiB%n", rig.stateResidentMb());
            }
            return 0;
        }

        /** Records committed after the first commit was seen, and the seconds they took. */
        record Drained(long records, double seconds) {
        }

        private static Drained awaitDrained(StateRig rig) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            StateRig.Progress first = null;
            long firstAt = 0;
            StateRig.Progress progress = rig.progress();
            long before = progress.committed();
            while (!progress.drained()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not drained after 30 minutes: " + progress + "; see "
                            + rig.logFile());
                }
                Thread.sleep(100);
                progress = rig.progress();
                if (first == null && progress.committed() > before) {
                    first = progress;
                    firstAt = System.nanoTime();
                }
            }
            if (first == null) {
                first = new StateRig.Progress(0, progress.total());
                firstAt = System.nanoTime();
            }
            return new Drained(progress.committed() - first.committed(), seconds(System.nanoTime() - firstAt));
        }

        private static String figure(Pattern pattern, String metrics) {
            Matcher matcher = pattern.matcher(metrics);
            return matcher.find() ? String.format("%,.0f", Double.parseDouble(matcher.group(1))) : "n/a";
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }
}
