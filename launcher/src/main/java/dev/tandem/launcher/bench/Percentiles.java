package dev.tandem.launcher.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of latencies (no interpolation: every figure is one that was measured). */
final class Percentiles {

    /** The figures of one sample; all -1 when it is empty. */
    record Summary(int count, long p50, long p95, long p99, long max) {

        static final Summary EMPTY = new Summary(0, -1, -1, -1, -1);
    }

    private Percentiles() {
    }

    /**
     * The smallest value such that at least {@code percent}% of the values are at or below it: the value at rank
     * ⌈percent/100 · n⌉ of the sorted values.
     *
     * @param sorted ascending
     * @throws IllegalArgumentException for an empty sample or a percent outside (0, 100]
     */
    static long nearestRank(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        // percent · n first: exact for whole percents, so a rank that is a whole number is not rounded up
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(1, rank) - 1];
    }

    /** p50, p95, p99 and the maximum of the values (in any order; the array is not changed). */
    static Summary of(long[] values) {
        if (values.length == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99),
                sorted[sorted.length - 1]);
    }
}
