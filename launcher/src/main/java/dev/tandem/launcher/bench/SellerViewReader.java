package dev.tandem.launcher.bench;

import dev.tandem.launcher.demo.TandemApi;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the sellers' account list (interaction-designer-api's {@code GET /v1/accounts}, the same projection as each
 * account's journey view) page by page, round after round, while touchpoints are acknowledged but not yet shown, and
 * tells the {@link LatencyMatcher} each account's {@code touchpointCount}, with the times its page was asked for and
 * answered. One thread; a round starts at most every {@value #MIN_ROUND_MILLIS} ms.
 *
 * <p>Why the list and not each account's view: reading 500 accounts one request each, ten times a second, cost the
 * platform under measurement more CPU than journey-state itself (the readers and the designer API shared its two
 * cores); three pages a round observe the same documents for a few requests.
 */
final class SellerViewReader implements AutoCloseable {

    /** At most ten rounds a second: the latencies' quantisation (reported) against the reads' load. */
    static final long MIN_ROUND_MILLIS = 100;
    /** Accounts per page: the list's largest. */
    static final int PAGE_SIZE = 200;

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
            if (matcher.outstandingAccounts() > 0) {
                readRound();
            }
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

    /** Every page once; a page that fails ends the round (the next round reads it again). */
    private void readRound() {
        String cursor = null;
        do {
            long sentAt = System.nanoTime();
            TandemApi.AccountPage page;
            try {
                page = api.accountPage(cursor, PAGE_SIZE);
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
