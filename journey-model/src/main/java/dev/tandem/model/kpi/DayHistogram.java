package dev.tandem.model.kpi;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Durations counted per whole day, from which medians and other percentiles are read. Counts per day add up across
 * accounts and partitions, so a percentile over a whole tenant needs only the summed counts, never the accounts.
 */
public final class DayHistogram {

    private DayHistogram() {
    }

    /** The whole days of a duration in seconds (negative ones count as 0). */
    public static long daysOf(long seconds) {
        return Math.max(0, seconds) / 86_400;
    }

    /**
     * The {@code q}-quantile (0 &lt; q ≤ 1) of the days counted: the smallest day at or below which at least
     * {@code q} of the counts lie (nearest rank). Null when nothing is counted.
     */
    public static Long percentile(Map<Long, Long> countsByDay, double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("a quantile is in (0, 1]: " + q);
        }
        NavigableMap<Long, Long> sorted = new TreeMap<>(countsByDay);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Long, Long> day : sorted.entrySet()) {
            seen += day.getValue();
            if (seen >= rank) {
                return day.getKey();
            }
        }
        return sorted.lastKey();
    }
}
