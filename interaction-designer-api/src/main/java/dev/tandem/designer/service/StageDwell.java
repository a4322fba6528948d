package dev.tandem.designer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** How long an account stayed (or has stayed so far) in a stage, in days with one decimal. */
public final class StageDwell {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private StageDwell() {
    }

    /**
     * Days from {@code enteredAt} to the first of {@code exitedAt}, {@code closedAt} and {@code now} that is known
     * (a visit still open in a closed journey ends at the close). Null when the entry time is unknown; never
     * negative, even if the clocks disagree.
     */
    public static Double days(Instant enteredAt, Instant exitedAt, Instant closedAt, Instant now) {
        if (enteredAt == null) {
            return null;
        }
        Instant end = exitedAt != null ? exitedAt : closedAt != null ? closedAt : now;
        long seconds = Math.max(0, Duration.between(enteredAt, end).toSeconds());
        return BigDecimal.valueOf(seconds / SECONDS_PER_DAY).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
