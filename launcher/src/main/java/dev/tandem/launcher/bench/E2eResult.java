package dev.tandem.launcher.bench;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one end-to-end latency run measured: latency from the 202 of journey-ingest to the change in the seller view
 * (milliseconds, nearest-rank percentiles of the touchpoints sent in the measured window), whether journey-state's
 * lag grew, and each service's resident memory.
 *
 * @param offeredRate      touchpoints per second the sender was set to
 * @param achievedRate     touchpoints of the window answered 202, per second from the window's start to the last
 *                         of those answers (at least the window)
 * @param windowSeconds    the measured window
 * @param warmupSeconds    the warm-up before it, same rate, not measured
 * @param accounts         accounts the touchpoints went to
 * @param latency          upper-bound latencies (the answer of the first read showing the touchpoint)
 * @param lowerBound       lower-bound latencies (the last read not showing it): the truth lies between
 * @param pollUncertainty  per touchpoint, upper minus lower bound: the polling's quantisation error
 * @param notShown         measured touchpoints the seller view had not shown by the end (in the percentiles with
 *                         the time waited, a lower bound of theirs)
 * @param failed           touchpoints not answered with 202 (not in the percentiles)
 * @param lag              journey-state's consumer lag over the window
 * @param residentMbByService each service's resident memory at the end (MiB), the larger of two readings
 * @param cpu              CPU per touchpoint by process over the window, and the cores kept busy
 */
public record E2eResult(
        double offeredRate,
        double achievedRate,
        int windowSeconds,
        int warmupSeconds,
        int accounts,
        Percentiles.Summary latency,
        Percentiles.Summary lowerBound,
        Percentiles.Summary pollUncertainty,
        long notShown,
        long failed,
        LagTrend.Verdict lag,
        Map<String, Long> residentMbByService,
        CpuUse cpu) {

    public E2eResult {
        residentMbByService = Collections.unmodifiableMap(new LinkedHashMap<>(residentMbByService));
    }

    public boolean lagGrows() {
        return lag.grows();
    }

    /** The figures under the keys of {@code docs/benchmarks.json}, except {@code rssMbByService} (merged there). */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("e2eOfferedRate", Math.round(offeredRate));
        figures.put("e2eAchievedRate", Math.round(achievedRate));
        figures.put("e2eP50Ms", millis(latency.p50()));
        figures.put("e2eP95Ms", millis(latency.p95()));
        figures.put("e2eP99Ms", millis(latency.p99()));
        figures.put("e2eMaxMs", millis(latency.max()));
        figures.put("e2eP99LowerBoundMs", millis(lowerBound.p99()));
        figures.put("e2ePollUncertaintyP99Ms", millis(pollUncertainty.p99()));
        figures.put("e2eTouchpoints", latency.count());
        figures.put("e2eNotShown", notShown);
        figures.put("e2eFailed", failed);
        figures.put("e2eLagStart", lag.startLag());
        figures.put("e2eLagEnd", lag.endLag());
        figures.put("e2eLagGrows", lag.grows());
        OptionalDouble drained = lag.drainedAfter();
        figures.put("e2eLagDrainedAfterSeconds", drained.isPresent() ? Math.round(drained.getAsDouble()) : null);
        figures.put("e2eWindowSeconds", windowSeconds);
        figures.put("e2eWarmupSeconds", warmupSeconds);
        figures.put("e2eAccounts", accounts);
        figures.put("e2eCpuMsPerTouchpoint", cpu.msPerTouchpoint());
        figures.put("e2eCoresBusy", cpu.coresBusy());
        return figures;
    }

    void print(PrintWriter out) {
        out.printf("%nEnd-to-end latency, 202 → seller view, %,d touchpoints sent in %d s at %,.0f/s offered "
                + "(%,.0f/s answered 202), %,d accounts:%n", latency.count(), windowSeconds, offeredRate,
                achievedRate, accounts);
        out.printf("  p50 %,d ms   p95 %,d ms   p99 %,d ms   max %,d ms%n", millis(latency.p50()),
                millis(latency.p95()), millis(latency.p99()), millis(latency.max()));
        out.printf("  lower bounds (last read not showing it): p50 %,d ms, p99 %,d ms; poll quantisation per "
                + "touchpoint p50 %,d ms, p99 %,d ms, max %,d ms%n", millis(lowerBound.p50()), millis(lowerBound.p99()),
                millis(pollUncertainty.p50()), millis(pollUncertainty.p99()), millis(pollUncertainty.max()));
        if (notShown > 0 || failed > 0) {
            out.printf("  ! %,d measured touchpoints never showed in the seller view (counted with the time waited), "
                    + "%,d not accepted%n", notShown, failed);
        }
        out.printf("  journey-state lag: %,d records at the start, %,d at the end (margin %,d): %s; %s%n",
                lag.startLag(), lag.endLag(), lag.margin(), lag.grows() ? "GROWS" : "does not grow",
                lag.drainedAfter().isPresent()
                        ? String.format("back within the margin %.0f s after the sender stopped",
                                lag.drainedAfter().getAsDouble())
                        : "not back within the margin " + (long) LagTrend.DRAIN_SECONDS + " s after the sender stopped");
        out.printf("  resident memory (MiB): %s%n", residentMbByService);
        out.printf("  CPU per touchpoint (ms), by process: %s; %.2f ms in all; %.2f cores busy over the window%n",
                cpu.msPerTouchpoint(), cpu.totalMsPerTouchpoint(), cpu.coresBusy());
        out.flush();
    }

    static long millis(long nanos) {
        return nanos < 0 ? -1 : Math.round(nanos / 1e6);
    }
}
