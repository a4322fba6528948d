package dev.tandem.launcher.bench;

import dev.tandem.events.TouchpointV1;
import dev.tandem.launcher.platform.RepositoryRoot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One drain measurement of journey-state, as its own process like a user's: a warm-up backlog of another
 * tenant, then the measured backlog; the rate is taken from journey-state's committed offsets.
 */
public final class DrainBenchmark {

    private static final Pattern REDERIVATIONS = Pattern.compile("tandem_state_rederivations_total ([0-9.eE+]+)");
    private static final Pattern REPLAYED = Pattern.compile("tandem_state_replayed_entries_total ([0-9.eE+]+)");

    /** What to measure. */
    public record Spec(int events, int accounts, double duplicates, boolean shuffled, int warmup, String heap,
            List<String> jvmOptions, List<String> stateProperties) {
    }

    /** What was measured. */
    public record Result(long records, double seconds, long residentMb, String rederivations, String replayed) {

        public double rate() {
            return records / Math.max(0.001, seconds);
        }
    }

    private DrainBenchmark() {
    }

    public static Result run(Spec spec, PrintWriter out) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = ServiceRig.benchDataDirectory(out);
        List<TouchpointV1> touchpoints = TouchpointMix.generate("bench", spec.events(), spec.accounts(),
                spec.duplicates(), 42);
        if (spec.shuffled()) {
            touchpoints = TouchpointMix.shuffledPerAccount(touchpoints, 42);
        }
        long distinct = TouchpointMix.distinct(touchpoints);
        List<String> jvm = ServiceRig.jvmOptions(spec.heap(), "-XX:+UseSerialGC", spec.jvmOptions(), true);
        out.printf("Machine: %d cores, Java %s; journey-state %s; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), String.join(" ", jvm),
                spec.shuffled() ? "each account's touchpoints shuffled" : "each account's touchpoints in order");
        try (ServiceRig rig = ServiceRig.start(root, data, jvm)) {
            List<String> properties = new ArrayList<>(List.of("quarkus.log.category.\"dev.tandem\".level=WARN",
                    // measured: the touchpoint path alone, not the stall punctuator's visits
                    "tandem.state.stall-tick.interval=1h"));
            properties.addAll(spec.stateProperties());
            long start = System.nanoTime();
            if (spec.warmup() > 0) {
                rig.prefill(TouchpointMix.generate("warmup", spec.warmup(), spec.accounts(), spec.duplicates(), 7));
                rig.startState(properties);
                Drained warm = awaitDrained(rig);
                out.printf("Warm-up: %,d touchpoints of another tenant drained at %,.0f touchpoints/s%n",
                        warm.records(), warm.records() / Math.max(0.001, warm.seconds()));
                out.flush();
            }
            long fill = System.nanoTime();
            rig.prefill(touchpoints);
            out.printf("Pre-filled %,d touchpoints (%,d distinct) over %,d accounts in %.1f s%n",
                    touchpoints.size(), distinct, spec.accounts(), seconds(System.nanoTime() - fill));
            out.flush();
            if (spec.warmup() == 0) {
                rig.startState(properties);
                out.printf("journey-state ready after %.1f s (it consumes while starting)%n",
                        seconds(System.nanoTime() - start));
            }
            java.util.OptionalLong jitBefore = CompilerThreads.ticks(rig.statePid());
            Map<String, Duration> cpuBefore = cpuTimes(rig);
            long drainStart = System.nanoTime();
            Drained drained = awaitDrained(rig);
            Map<String, Long> cpuMicros = CpuUse.microsPerTouchpoint(cpuBefore, cpuTimes(rig), drained.all());
            double jitShare = CompilerThreads.share(jitBefore, CompilerThreads.ticks(rig.statePid()),
                    Duration.ofNanos(System.nanoTime() - drainStart));
            String metrics = rig.metrics();
            Result result = new Result(drained.records(), drained.seconds(), rig.stateResidentMb(),
                    figure(REDERIVATIONS, metrics), figure(REPLAYED, metrics));
            out.printf("Drained %,d records in %.1f s from the first commit = %,.0f touchpoints/s; "
                    + "%.1f s from process start%n", result.records(), result.seconds(), result.rate(),
                    seconds(System.nanoTime() - start));
            out.printf("Replays from a checkpoint: %s, history entries replayed: %s%n", result.rederivations(),
                    result.replayed());
            out.printf("journey-state resident memory: %,d MiB%n", result.residentMb());
            out.printf("CPU per touchpoint while it drained: %s (2 cores bound the sum times the rate)%n",
                    cpuMicros.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " µs")
                            .collect(java.util.stream.Collectors.joining(", ")));
            if (!Double.isNaN(jitShare)) {
                out.printf("journey-state's JIT compiler threads were busy %.0f%% of a core while it drained%n",
                        jitShare * 100);
            }
            out.flush();
            return result;
        }
    }

    /**
     * Records committed after the first commit was seen, and the seconds they took; {@code all} counts the first
     * commit's records too.
     */
    private record Drained(long records, double seconds, long all) {
    }

    /** CPU time so far of journey-state and of this JVM (the broker). */
    private static Map<String, Duration> cpuTimes(ServiceRig rig) {
        return CpuUse.serviceAndLauncher("journey-state", rig.statePid(), "launcher (broker)");
    }

    private static Drained awaitDrained(ServiceRig rig) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        ConsumerLag.Progress first = null;
        long firstAt = 0;
        ConsumerLag.Progress progress = rig.progress();
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
            first = new ConsumerLag.Progress(before, progress.total());
            firstAt = System.nanoTime();
        }
        return new Drained(progress.committed() - first.committed(), seconds(System.nanoTime() - firstAt),
                progress.committed() - before);
    }

    private static String figure(Pattern pattern, String metrics) {
        Matcher matcher = pattern.matcher(metrics);
        return matcher.find() ? String.format("%.0f", Double.parseDouble(matcher.group(1))) : "n/a";
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
