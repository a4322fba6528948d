package dev.tandem.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the credit for one conversion (a stage advance or a won deal) is shared among the touchpoints of its window.
 * Every model hands out exactly 1 over a non-empty window, so summed over touchpoints a model's credit equals the
 * number of conversions, whichever model is read: marketing and sales share one total and only argue its split.
 */
public enum AttributionModel {

    /** All of it to the first touchpoint of the window. */
    FIRST_TOUCH,
    /** All of it to the last touchpoint, the one that converted. */
    LAST_TOUCH,
    /** Equal shares. */
    LINEAR,
    /** Shares halving for every {@link #HALF_LIFE} a touchpoint lies before the conversion. */
    TIME_DECAY,
    /**
     * 30 % each to the first touchpoint, the milestone touchpoint and the last touchpoint, and the remaining 10 %
     * shared by the others. When two of the three coincide, the distinct milestones share the 90 %; when there are
     * no others, the milestones share everything.
     */
    W_SHAPED;

    public static final Duration HALF_LIFE = Duration.ofDays(7);
    private static final double MILESTONES_SHARE = 0.9;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttributionModel> fromWireName(String name) {
        return Arrays.stream(values()).filter(model -> model.wireName().equals(name)).findFirst();
    }

    /**
     * The credit of each touchpoint of a window.
     *
     * @param touchedAt the window's touchpoints' event times, oldest first
     * @param milestone index of the window's middle milestone (the touchpoint that caused the latest stage entry
     *     inside the window), or -1 for none: then the touchpoint in the middle of the window stands for it
     * @param convertedAt when the conversion happened (for time decay)
     * @return one credit per touchpoint, summing to 1 (an empty array for an empty window)
     */
    public double[] credits(List<Instant> touchedAt, int milestone, Instant convertedAt) {
        int n = touchedAt.size();
        double[] credit = new double[n];
        if (n == 0) {
            return credit;
        }
        switch (this) {
            case FIRST_TOUCH -> credit[0] = 1;
            case LAST_TOUCH -> credit[n - 1] = 1;
            case LINEAR -> Arrays.fill(credit, 1.0 / n);
            case TIME_DECAY -> {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double days = Math.max(0, Duration.between(touchedAt.get(i), convertedAt).toSeconds()) / 86_400.0;
                    credit[i] = Math.pow(0.5, days / (HALF_LIFE.toSeconds() / 86_400.0));
                    total += credit[i];
                }
                for (int i = 0; i < n; i++) {
                    credit[i] /= total;
                }
            }
            case W_SHAPED -> {
                TreeSet<Integer> milestones = new TreeSet<>();
                milestones.add(0);
                milestones.add(milestone > 0 && milestone < n ? milestone : n / 2);
                milestones.add(n - 1);
                int others = n - milestones.size();
                double each = (others == 0 ? 1.0 : MILESTONES_SHARE) / milestones.size();
                double rest = others == 0 ? 0 : (1 - MILESTONES_SHARE) / others;
                for (int i = 0; i < n; i++) {
                    credit[i] = milestones.contains(i) ? each : rest;
                }
            }
        }
        return credit;
    }
}
