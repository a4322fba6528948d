package dev.tandem.launcher.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns what the seller view shows into latencies. The view says how many distinct touchpoints an account has
 * ({@code touchpointCount}), not which: so, per account, the n-th touchpoint acknowledged with a 202 is taken to be
 * in the view from the first poll whose count is at least n. Times are {@link System#nanoTime()} readings.
 *
 * <p>A poll sent at s and answered at r that first shows the n-th touchpoint bounds when it appeared: after the
 * previous poll of that account was sent (s', which did not show it) and after its 202 at a, before r. The
 * latency taken is the conservative r − a; the lower bound max(s', a) − a; their difference is what the polling
 * cycle leaves unknown. A count already at n when the n-th 202 comes back means the view changed before the answer
 * arrived: latency 0.
 *
 * <p>Thread-safe: acknowledgements and polls of one account may come from different threads.
 */
final class LatencyMatcher {

    /**
     * One touchpoint's latency from its 202 to the seller view, in nanoseconds.
     *
     * @param measured     sent in the measured window (not the warm-up)
     * @param acceptedAt   when its 202 arrived
     * @param latency      upper bound: the answer of the first poll showing it, minus its 202
     * @param lowerBound   the latest moment it was known not to be shown yet, minus its 202 (0 if that is before it)
     */
    record Sample(boolean measured, long acceptedAt, long latency, long lowerBound) {

        /** What the poll cycle leaves unknown about this latency. */
        long uncertainty() {
            return latency - lowerBound;
        }
    }

    private static final class Account {
        private final List<Long> acceptedAt = new ArrayList<>();
        private final List<Instant> occurredAt = new ArrayList<>();
        private final List<Boolean> measured = new ArrayList<>();
        private int matched;
        private long highestCount;
        private boolean polled;
        private long lastPollSentAt;
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    /** A 202 for one touchpoint of the account, which occurred at {@code occurredAt}, arrived at {@code at}. */
    void accepted(String accountKey, Instant occurredAt, long at, boolean measured) {
        Account account = accounts.computeIfAbsent(accountKey, key -> new Account());
        synchronized (account) {
            account.acceptedAt.add(at);
            account.occurredAt.add(occurredAt);
            account.measured.add(measured);
            // the view was seen counting it before its 202 came back
            if (account.highestCount >= account.acceptedAt.size() && account.matched == account.acceptedAt.size() - 1) {
                samples.add(new Sample(measured, at, 0, 0));
                account.matched++;
            }
        }
    }

    /** A poll of the account, sent at {@code sentAt} and answered at {@code answeredAt}, showed {@code count}. */
    void observed(String accountKey, long count, long sentAt, long answeredAt) {
        Account account = accounts.computeIfAbsent(accountKey, key -> new Account());
        synchronized (account) {
            account.highestCount = Math.max(account.highestCount, count);
            int shown = (int) Math.min(account.highestCount, account.acceptedAt.size());
            for (int n = account.matched; n < shown; n++) {
                long at = account.acceptedAt.get(n);
                long latency = Math.max(0, answeredAt - at);
                long lower = account.polled ? Math.min(latency, Math.max(0, account.lastPollSentAt - at)) : 0;
                samples.add(new Sample(account.measured.get(n), at, latency, lower));
            }
            account.matched = Math.max(account.matched, shown);
            account.lastPollSentAt = account.polled ? Math.max(account.lastPollSentAt, sentAt) : sentAt;
            account.polled = true;
        }
    }

    /** Whether the account has acknowledged touchpoints the view has not shown yet. */
    boolean outstanding(String accountKey) {
        Account account = accounts.get(accountKey);
        if (account == null) {
            return false;
        }
        synchronized (account) {
            return account.matched < account.acceptedAt.size();
        }
    }

    /** How many acknowledged touchpoints of the measured window no poll has shown yet. */
    long unmatchedMeasured() {
        return unmatchedMeasuredSince(0).size();
    }

    /** For each acknowledged touchpoint of the measured window no poll has shown yet: {@code now} minus its 202. */
    List<Long> unmatchedMeasuredSince(long now) {
        List<Long> waited = new ArrayList<>();
        for (Account account : accounts.values()) {
            synchronized (account) {
                for (int n = account.matched; n < account.acceptedAt.size(); n++) {
                    if (account.measured.get(n)) {
                        waited.add(now - account.acceptedAt.get(n));
                    }
                }
            }
        }
        return waited;
    }

    /**
     * The earliest event time among the acknowledged touchpoints no poll has shown yet (empty: none). An account
     * whose view shows one of them has its last touchpoint at or after this instant, so a reader of the list in
     * last-touchpoint order may stop at the first account before it.
     */
    Optional<Instant> oldestOutstandingOccurredAt() {
        Instant oldest = null;
        for (Account account : accounts.values()) {
            synchronized (account) {
                for (int n = account.matched; n < account.occurredAt.size(); n++) {
                    Instant occurred = account.occurredAt.get(n);
                    if (oldest == null || occurred.isBefore(oldest)) {
                        oldest = occurred;
                    }
                }
            }
        }
        return Optional.ofNullable(oldest);
    }

    /** Accounts with acknowledged touchpoints not shown yet. */
    int outstandingAccounts() {
        return (int) accounts.keySet().stream().filter(this::outstanding).count();
    }

    /** The latencies matched so far, in the order they were found. */
    List<Sample> samples() {
        return List.copyOf(samples);
    }
}
