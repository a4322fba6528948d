package dev.tandem.launcher.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether journey-state keeps up: its consumer lag on the touchpoint topic sampled through the measured window and
 * after the sender stopped. A lag that grows means the offered rate is more than it can take, whatever the
 * latencies of the window say (they would grow without bound in a longer run).
 *
 * <p>The rule: the lag <em>grows</em> if every sample of the last 10 s of the window lies above the median of the
 * first 10 s by more than a margin: half a second of offered traffic (the backlog that alone would spend the whole
 * 500 ms latency budget), at least {@value #MIN_MARGIN} records. Taking every sample of the last 10 s (not their
 * mean) keeps a single spike, a garbage collection or a commit that took long, from counting as growth. How soon
 * the backlog is gone after the sender stops is reported, not judged: an overload of a few percent builds a
 * backlog that drains within seconds once the traffic stops, yet it is an overload.
 */
final class LagTrend {

    /** Seconds at the start and at the end of the window compared (half the window if shorter than 20 s). */
    static final double EDGE_SECONDS = 10;
    /** Seconds after the sender stopped within which a drain is reported. */
    static final double DRAIN_SECONDS = 10;
    /** The smallest margin, in records: below it the lag's own jitter (commits every 100 ms) decides. */
    static final long MIN_MARGIN = 100;

    /** The lag at a moment, in seconds from the start of the measured window (after it: the sender had stopped). */
    record Sample(double seconds, long lag) {
    }

    /**
     * @param startLag    median lag of the window's first seconds
     * @param endLag      median lag of the window's last seconds
     * @param margin      how far above {@code startLag} every sample of the last seconds must be to count as growth
     * @param grows       the verdict
     * @param drainedAfter seconds after the sender stopped until the lag was back within the margin of
     *                    {@code startLag}; empty if not within {@value #DRAIN_SECONDS} s (or not sampled)
     */
    record Verdict(long startLag, long endLag, long margin, boolean grows, OptionalDouble drainedAfter) {
    }

    private LagTrend() {
    }

    static long margin(double offeredRate) {
        return Math.max(MIN_MARGIN, Math.round(offeredRate * 0.5));
    }

    /**
     * @throws IllegalArgumentException when the window's first or last seconds hold no sample
     */
    static Verdict judge(List<Sample> samples, double windowSeconds, double offeredRate) {
        double edge = Math.min(EDGE_SECONDS, windowSeconds / 2);
        long[] first = lags(samples, 0, edge);
        long[] last = lags(samples, windowSeconds - edge, windowSeconds);
        if (first.length == 0 || last.length == 0) {
            throw new IllegalArgumentException("no lag samples in the first or last " + edge + " s of the window");
        }
        long start = median(first);
        long margin = margin(offeredRate);
        long lowestAtEnd = Long.MAX_VALUE;
        for (long lag : last) {
            lowestAtEnd = Math.min(lowestAtEnd, lag);
        }
        OptionalDouble drained = samples.stream()
                .filter(s -> s.seconds() > windowSeconds && s.seconds() <= windowSeconds + DRAIN_SECONDS)
                .filter(s -> s.lag() <= start + margin)
                .mapToDouble(s -> s.seconds() - windowSeconds)
                .min();
        return new Verdict(start, median(last), margin, lowestAtEnd > start + margin, drained);
    }

    private static long[] lags(List<Sample> samples, double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() <= to).mapToLong(Sample::lag).toArray();
    }

    /** The lower median (a measured value, like the percentiles). */
    private static long median(long[] values) {
        return Percentiles.of(values).p50();
    }
}
