package dev.tandem.launcher.bench;

import dev.tandem.launcher.demo.TandemApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the seller view (interaction-designer-api's {@code GET /v1/accounts/{key}/journey}) of every account with
 * touchpoints acknowledged but not shown yet, round and round, on a few threads, and tells the
 * {@link LatencyMatcher} each account's {@code touchpointCount}. One account is never read by two threads at once,
 * and not again within {@value #MIN_REVISIT_MILLIS} ms.
 */
final class SellerViewPoller implements AutoCloseable {

    /**
     * At most ten reads a second of one account: reading faster sharpens the latency bounds little but costs the
     * platform the CPU it is being measured on (the seller view and the MongoDB server share its two cores; at
     * 10 ms the readers alone kept most of a core busy). The reported quantisation says what this costs in precision.
     */
    static final long MIN_REVISIT_MILLIS = 100;

    /** An account to read, not before {@code due} (a nanoTime). */
    private record Due(String accountKey, long due) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Due) other).due);
        }
    }

    private final TandemApi api;
    private final LatencyMatcher matcher;
    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();
    private volatile boolean running = true;

    SellerViewPoller(TandemApi api, LatencyMatcher matcher, int threadCount) {
        this.api = api;
        this.matcher = matcher;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::pollLoop, "tandem-e2e-poller-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** The account has a newly acknowledged touchpoint: read it soon (once, if it is queued already). */
    void wake(String accountKey) {
        if (queued.add(accountKey)) {
            queue.add(new Due(accountKey, System.nanoTime()));
        }
    }

    private void pollLoop() {
        while (running) {
            Due next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next != null) {
                poll(next.accountKey());
            }
        }
    }

    private void poll(String accountKey) {
        long sentAt = System.nanoTime();
        try {
            long count = api.journey(accountKey).map(TandemApi.Journey::touchpointCount).orElse(0L);
            long answeredAt = System.nanoTime();
            matcher.observed(accountKey, count, sentAt, answeredAt);
            polls.incrementAndGet();
            pollNanos.addAndGet(answeredAt - sentAt);
        } catch (RuntimeException e) {
            failures.incrementAndGet(); // read again next round; the matcher only learns from answers
        }
        long due = sentAt + TimeUnit.MILLISECONDS.toNanos(MIN_REVISIT_MILLIS);
        if (matcher.outstanding(accountKey)) {
            queue.add(new Due(accountKey, due));
            return;
        }
        queued.remove(accountKey);
        // a 202 that came in between the check and the removal found it still queued and did not queue it
        if (matcher.outstanding(accountKey) && queued.add(accountKey)) {
            queue.add(new Due(accountKey, due));
        }
    }

    /** Reads answered so far. */
    long polls() {
        return polls.get();
    }

    long failures() {
        return failures.get();
    }

    /** Mean time one read took, in milliseconds. */
    double meanPollMillis() {
        long count = polls.get();
        return count == 0 ? 0 : pollNanos.get() / 1e6 / count;
    }

    /** Stops reading and waits for the threads (a read under way is finished). Idempotent. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
