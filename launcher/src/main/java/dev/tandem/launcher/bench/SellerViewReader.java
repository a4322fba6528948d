package dev.tandem.launcher.bench;

import dev.tandem.launcher.demo.TandemApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the sellers' account list (interaction-designer-api's {@code GET /v1/accounts}, the same projection as each
 * account's journey view) in last-touchpoint order, most recent first, round after round while touchpoints are
 * acknowledged but not yet shown, and tells the {@link LatencyMatcher} each account's {@code touchpointCount}, with
 * the times its page was asked for and answered. One thread; a round starts at most every {@value #MIN_ROUND_MILLIS}
 * ms.
 *
 * <p>A round reads pages until one ends before the earliest event time among the touchpoints not shown yet: an
 * account whose view shows such a touchpoint has its last touchpoint at or after it, so no account that could show
 * a new one is left unread, and a platform that keeps up is read one page a round (the accounts touched since the
 * last round or so), not the whole list.
 *
 * <p>Why the list and not each account's view: reading 500 accounts one request each, ten times a second, cost the
 * platform under measurement more CPU than journey-state itself; why not the whole list each round: three pages of
 * 200 ten times a second made the MongoDB stand-in scan, sort and encode for the reader about a quarter of its time
 * at 500 touchpoints/s (JFR, 2026-12-03).
 */
final class SellerViewReader implements AutoCloseable {

    /** At most ten rounds a second: the latencies' quantisation (reported) against the reads' load. */
    static final long MIN_ROUND_MILLIS = 100;
    /** Accounts per page: at 500 touchpoints/s over 500 accounts, the accounts touched in a fifth of a second. */
    static final int PAGE_SIZE = 100;

    private final TandemApi api;
    private final LatencyMatcher matcher;
    private final Thread thread;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong pageNanos = new AtomicLong();
    private volatile boolean running = true;

    SellerViewReader(TandemApi api, LatencyMatcher matcher) {
        this.api = api;
        this.matcher = matcher;
        this.thread = new Thread(this::readLoop, "tandem-e2e-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void readLoop() {
        while (running) {
            long roundStart = System.nanoTime();
            matcher.oldestOutstandingOccurredAt().ifPresent(this::readRound);
            long rest = roundStart + TimeUnit.MILLISECONDS.toNanos(MIN_ROUND_MILLIS) - System.nanoTime();
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Pages down to the first account whose last touchpoint is before {@code oldest} (the view keeps milliseconds);
     * a page that fails ends the round (the next round reads it again).
     */
    private void readRound(Instant oldest) {
        Instant stopBefore = oldest.truncatedTo(ChronoUnit.MILLIS);
        String cursor = null;
        do {
            long sentAt = System.nanoTime();
            TandemApi.AccountPage page;
            try {
                page = api.recentAccountPage(cursor, PAGE_SIZE);
            } catch (RuntimeException e) {
                failures.incrementAndGet(); // the matcher only learns from answers
                return;
            }
            long answeredAt = System.nanoTime();
            for (TandemApi.AccountLine line : page.accounts()) {
                matcher.observed(line.accountKey(), line.touchpointCount(), sentAt, answeredAt);
            }
            pages.incrementAndGet();
            pageNanos.addAndGet(answeredAt - sentAt);
            cursor = page.nextCursor();
            if (!page.accounts().isEmpty()) {
                Instant last = page.accounts().get(page.accounts().size() - 1).lastTouchpointAt();
                if (last == null || last.isBefore(stopBefore)) {
                    return;
                }
            }
        } while (cursor != null && running);
    }

    /** Pages answered so far. */
    long pages() {
        return pages.get();
    }

    long failures() {
        return failures.get();
    }

    /** Mean time one page took, in milliseconds. */
    double meanPageMillis() {
        long count = pages.get();
        return count == 0 ? 0 : pageNanos.get() / 1e6 / count;
    }

    /** Stops reading and waits for the thread (a page under way is finished). Idempotent. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
