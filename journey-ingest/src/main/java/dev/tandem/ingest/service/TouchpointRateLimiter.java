package dev.tandem.ingest.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One token bucket per tenant, counting touchpoints. A request takes as many tokens as it carries touchpoints, all
 * or none: if the bucket holds fewer, nothing is taken and the answer says how many whole seconds until it would
 * hold enough.
 *
 * <p>Lock-free: each bucket is one compare-and-set on its own immutable state, so tenants never wait for each
 * other (no shared lock, no shared queue). Memory stays bounded: a bucket that has been idle long enough to be full
 * again is indistinguishable from a new one, so a periodic sweep drops those; a concurrent request that still held
 * the dropped bucket sees it retired and starts over with a fresh one, so no token is ever spent twice.
 */
public final class TouchpointRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    /** How fast a tenant's bucket refills (touchpoints per second) and how many touchpoints it holds at most. */
    public record Rate(double touchpointsPerSecond, long burst) {
        public Rate {
            if (!(touchpointsPerSecond > 0) || Double.isInfinite(touchpointsPerSecond) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs touchpoints-per-second > 0 and burst >= 1, not "
                        + touchpointsPerSecond + " and " + burst);
            }
        }
    }

    /** Admitted, or refused with the whole seconds (at least 1) until the same request would fit. */
    public record Decision(boolean admitted, long retryAfterSeconds) {
        static final Decision ADMITTED = new Decision(true, 0);
    }

    private final Function<String, Rate> rates;
    private final LongSupplier nanoClock;
    private final long sweepIntervalNanos;
    private final AtomicLong nextSweepAt;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param rates         each tenant's rate, asked once when its bucket is made
     * @param nanoClock     a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
     * @param sweepInterval how often, at most, idle buckets are looked for (on the thread of a request)
     */
    public TouchpointRateLimiter(Function<String, Rate> rates, LongSupplier nanoClock, Duration sweepInterval) {
        this.rates = rates;
        this.nanoClock = nanoClock;
        this.sweepIntervalNanos = sweepInterval.toNanos();
        this.nextSweepAt = new AtomicLong(nanoClock.getAsLong() + sweepIntervalNanos);
    }

    /** Takes {@code touchpoints} tokens from the tenant's bucket if it holds that many; otherwise takes none. */
    public Decision tryAcquire(String tenant, int touchpoints) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        while (true) {
            // get first: computeIfAbsent may lock a hash bin that other tenants share, get never does
            Bucket bucket = buckets.get(tenant);
            if (bucket == null) {
                bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(rates.apply(t), now));
            }
            Decision decision = bucket.tryTake(touchpoints, now);
            if (decision != null) {
                return decision;
            }
            // a sweep retired this bucket between our lookup and our take: help remove it and use a fresh one
            buckets.remove(tenant, bucket);
        }
    }

    /** Drops the buckets that refilled completely (their tenants were idle); answers how many it dropped. */
    public int evictIdle() {
        long now = nanoClock.getAsLong();
        int evicted = 0;
        for (var entry : buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            if (bucket.retireIfFull(now)) {
                buckets.remove(entry.getKey(), bucket);
                evicted++;
            }
        }
        return evicted;
    }

    /** How many tenants have a bucket in memory now. */
    public int trackedTenants() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepAt.get();
        // one request wins the sweep; the others go on without waiting for it
        if (now - due >= 0 && nextSweepAt.compareAndSet(due, now + sweepIntervalNanos)) {
            evictIdle();
        }
    }

    /** One tenant's bucket: immutable state swapped by compare-and-set. */
    private static final class Bucket {

        private record State(double tokens, long updatedAt, boolean retired) {
        }

        private final Rate rate;
        private final AtomicReference<State> state;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.state = new AtomicReference<>(new State(rate.burst(), now, false));
        }

        /** The decision, or null when this bucket was retired and must not be used. */
        Decision tryTake(int touchpoints, long now) {
            while (true) {
                State current = state.get();
                if (current.retired()) {
                    return null;
                }
                double available = availableAt(current, now);
                if (available < touchpoints) {
                    // a refusal changes nothing, so it needs no write and contends with no one
                    double seconds = (touchpoints - available) / rate.touchpointsPerSecond();
                    return new Decision(false, Math.max(1, (long) Math.ceil(seconds)));
                }
                State next = new State(available - touchpoints, Math.max(now, current.updatedAt()), false);
                if (state.compareAndSet(current, next)) {
                    return Decision.ADMITTED;
                }
            }
        }

        boolean retireIfFull(long now) {
            State current = state.get();
            return !current.retired() && availableAt(current, now) >= rate.burst()
                    && state.compareAndSet(current, new State(current.tokens(), current.updatedAt(), true));
        }

        private double availableAt(State state, long now) {
            // another thread may have stamped a later time than the one we read: never refill backwards
            long elapsed = Math.max(0, now - state.updatedAt());
            // multiplied before divided: whole seconds at whole rates refill whole tokens, with no rounding
            return Math.min(rate.burst(), state.tokens() + elapsed * rate.touchpointsPerSecond() / NANOS_PER_SECOND);
        }
    }
}
