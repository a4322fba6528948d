package dev.tandem.launcher.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of a measured window went: each process's CPU time (user + system) over the window, per touchpoint
 * sent in it, and how many cores all of them kept busy. On a machine with few cores this says what bounds a rate:
 * the sum of the per-touchpoint costs times the rate cannot exceed the cores.
 *
 * @param msPerTouchpoint CPU milliseconds per touchpoint, by process (a process not readable at both ends is left
 *                        out)
 * @param coresBusy       CPU seconds of all the processes per second of the window
 */
public record CpuUse(Map<String, Double> msPerTouchpoint, double coresBusy) {

    public CpuUse {
        msPerTouchpoint = Collections.unmodifiableMap(new LinkedHashMap<>(msPerTouchpoint));
    }

    /** The CPU times {@code before} and {@code after} a window of {@code wall} in which {@code touchpoints} were sent. */
    public static CpuUse between(Map<String, Duration> before, Map<String, Duration> after, Duration wall,
            long touchpoints) {
        Map<String, Double> perTouchpoint = new LinkedHashMap<>();
        long totalNanos = 0;
        for (Map.Entry<String, Long> used : usedNanos(before, after).entrySet()) {
            totalNanos += used.getValue();
            perTouchpoint.put(used.getKey(), touchpoints == 0 ? 0 : round2(used.getValue() / 1e6 / touchpoints));
        }
        double cores = wall.isZero() ? 0 : round2((double) totalNanos / wall.toNanos());
        return new CpuUse(perTouchpoint, cores);
    }

    /** CPU microseconds per touchpoint by process, for costs too small for {@link #msPerTouchpoint}'s rounding. */
    public static Map<String, Long> microsPerTouchpoint(Map<String, Duration> before, Map<String, Duration> after,
            long touchpoints) {
        Map<String, Long> micros = new LinkedHashMap<>();
        if (touchpoints > 0) {
            usedNanos(before, after).forEach((process, used) ->
                    micros.put(process, Math.round(used / 1e3 / touchpoints)));
        }
        return micros;
    }

    /** CPU nanoseconds each process used between two readings (one not read at both ends is left out). */
    private static Map<String, Long> usedNanos(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((process, end) -> {
            Duration start = before.get(process);
            if (start != null) {
                used.put(process, Math.max(0, end.minus(start).toNanos()));
            }
        });
        return used;
    }

    /** CPU time so far of one service's process and of this JVM (the broker, and any load generated here). */
    static Map<String, Duration> serviceAndLauncher(String service, long pid, String launcher) {
        Map<String, Duration> times = new LinkedHashMap<>();
        dev.tandem.launcher.platform.Platform.cpuTimeOf(pid).ifPresent(time -> times.put(service, time));
        dev.tandem.launcher.platform.Platform.cpuTimeOf(ProcessHandle.current().pid())
                .ifPresent(time -> times.put(launcher, time));
        return times;
    }

    /** All processes together, CPU milliseconds per touchpoint. */
    public double totalMsPerTouchpoint() {
        return round2(msPerTouchpoint.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
