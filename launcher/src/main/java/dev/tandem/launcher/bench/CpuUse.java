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
        for (Map.Entry<String, Duration> end : after.entrySet()) {
            Duration start = before.get(end.getKey());
            if (start == null) {
                continue;
            }
            long used = Math.max(0, end.getValue().minus(start).toNanos());
            totalNanos += used;
            perTouchpoint.put(end.getKey(), touchpoints == 0 ? 0 : round2(used / 1e6 / touchpoints));
        }
        double cores = wall.isZero() ? 0 : round2((double) totalNanos / wall.toNanos());
        return new CpuUse(perTouchpoint, cores);
    }

    /** All processes together, CPU milliseconds per touchpoint. */
    public double totalMsPerTouchpoint() {
        return round2(msPerTouchpoint.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
