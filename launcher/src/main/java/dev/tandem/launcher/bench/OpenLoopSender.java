package dev.tandem.launcher.bench;

import dev.tandem.events.TouchpointInput;
import dev.tandem.launcher.demo.TandemApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts touchpoints to journey-ingest at a fixed offered rate, open loop: batch k goes out at start + k · interval
 * whether or not earlier ones have been answered, so a slow platform meets the same traffic (and shows it in its
 * latencies) instead of the sender slowing down with it. Requests run concurrently, as many as the answers take.
 */
final class OpenLoopSender {

    /** Told of every touchpoint answered with 202, with the {@link System#nanoTime()} of the answer. */
    interface Acceptance {
        void accepted(String accountKey, Instant occurredAt, long at, boolean measured);
    }

    /**
     * @param rate      touchpoints per second offered
     * @param batchSize touchpoints per POST; batches go out every batchSize / rate seconds
     * @param accounts  accounts the touchpoints go to, in turn
     */
    record Traffic(double rate, int batchSize, int accounts) {

        Traffic {
            if (rate <= 0 || batchSize < 1 || accounts < 1) {
                throw new IllegalArgumentException("rate, batch size and accounts must be positive");
            }
        }

        long intervalNanos() {
            return Math.round(batchSize * 1e9 / rate);
        }
    }

    private final TandemApi api;
    private final Traffic traffic;
    private final Acceptance acceptance;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile long maxLateNanos;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private final AtomicLong acceptedMeasured = new AtomicLong();
    private final AtomicLong lastMeasuredAnswer = new AtomicLong(Long.MIN_VALUE);

    OpenLoopSender(TandemApi api, Traffic traffic, Acceptance acceptance) {
        this.api = api;
        this.traffic = traffic;
        this.acceptance = acceptance;
    }

    /**
     * Sends from {@code start} (a nanoTime) for the warm-up, then the measured window; returns once the last batch
     * is sent, not answered ({@link #awaitAnswers}). Touchpoints of batches due in the window are "measured".
     */
    void run(long start, Duration warmup, Duration window) {
        windowStart = start + warmup.toNanos();
        windowEnd = windowStart + window.toNanos();
        long interval = traffic.intervalNanos();
        long index = 0;
        for (long batch = 0; ; batch++) {
            long due = start + batch * interval;
            if (due >= windowEnd) {
                return;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLateNanos = Math.max(maxLateNanos, -wait);
            boolean measured = due >= windowStart;
            Instant now = Instant.now();
            List<TouchpointInput> touchpoints = new ArrayList<>(traffic.batchSize());
            for (int i = 0; i < traffic.batchSize(); i++) {
                touchpoints.add(TouchpointMix.live(index++, traffic.accounts(), now));
            }
            send(touchpoints, now, measured);
        }
    }

    private void send(List<TouchpointInput> touchpoints, Instant occurredAt, boolean measured) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sent.addAndGet(touchpoints.size());
        api.postTouchpointsAsync(touchpoints).whenComplete((status, error) -> {
            long at = System.nanoTime();
            inFlight.decrementAndGet();
            if (error == null && status == 202) {
                accepted.addAndGet(touchpoints.size());
                if (measured) {
                    acceptedMeasured.addAndGet(touchpoints.size());
                    lastMeasuredAnswer.accumulateAndGet(at, Math::max);
                }
                touchpoints.forEach(t -> acceptance.accepted(t.accountKey(), occurredAt, at, measured));
            } else {
                failed.addAndGet(touchpoints.size());
                firstFailure.compareAndSet(null, error != null ? String.valueOf(error.getCause() != null
                        ? error.getCause() : error) : "HTTP " + status);
            }
        });
    }

    /** Waits until every request sent has been answered (or failed), at most {@code timeout}. */
    boolean awaitAnswers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    long sent() {
        return sent.get();
    }

    long accepted() {
        return accepted.get();
    }

    /**
     * Touchpoints of the measured window answered 202, per second from the window's start to the last of those
     * answers (at least the window): the offered rate when ingest keeps up, less when its answers fall behind.
     */
    double achievedRate() {
        long accepted = acceptedMeasured.get();
        if (accepted == 0) {
            return 0;
        }
        long span = Math.max(windowEnd - windowStart, lastMeasuredAnswer.get() - windowStart);
        return accepted / (span / 1e9);
    }

    long failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /** How late the most late batch left against its schedule (the sender's own limit, not the platform's). */
    Duration maxLate() {
        return Duration.ofNanos(maxLateNanos);
    }
}
