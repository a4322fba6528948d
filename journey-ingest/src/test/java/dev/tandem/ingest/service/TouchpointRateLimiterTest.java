package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ingest.service.TouchpointRateLimiter.Decision;
import dev.tandem.ingest.service.TouchpointRateLimiter.Rate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves by hand. */
class TouchpointRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private TouchpointRateLimiter limiter(Rate rate) {
        return limiter(Map.of(), rate);
    }

    private TouchpointRateLimiter limiter(Map<String, Rate> rates, Rate fallback) {
        return new TouchpointRateLimiter(tenant -> rates.getOrDefault(tenant, fallback), nanos::get,
                Duration.ofMinutes(1));
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void aNewTenantMayUseItsWholeBurstAndNotOneMore() {
        TouchpointRateLimiter limiter = limiter(new Rate(10, 20));
        assertThat(limiter.tryAcquire("acme", 15).admitted()).isTrue();
        assertThat(limiter.tryAcquire("acme", 5).admitted()).isTrue();
        Decision refused = limiter.tryAcquire("acme", 1);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void aRefusedRequestTakesNothing() {
        TouchpointRateLimiter limiter = limiter(new Rate(1, 10));
        limiter.tryAcquire("acme", 7);
        assertThat(limiter.tryAcquire("acme", 4).admitted()).isFalse();
        // the three tokens the refused request did not fit in are all still there
        assertThat(limiter.tryAcquire("acme", 3).admitted()).isTrue();
        assertThat(limiter.tryAcquire("acme", 1).admitted()).isFalse();
    }

    @Test
    void theBucketRefillsAtTheRate() {
        TouchpointRateLimiter limiter = limiter(new Rate(10, 20));
        limiter.tryAcquire("acme", 20);
        advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("acme", 5).admitted()).isTrue();
        assertThat(limiter.tryAcquire("acme", 1).admitted()).isFalse();
        advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire("acme", 1).admitted()).isTrue();
    }

    @Test
    void anIdleBucketHoldsNoMoreThanTheBurst() {
        TouchpointRateLimiter limiter = limiter(new Rate(10, 20));
        limiter.tryAcquire("acme", 20);
        advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("acme", 21).admitted()).isFalse();
        assertThat(limiter.tryAcquire("acme", 20).admitted()).isTrue();
        assertThat(limiter.tryAcquire("acme", 1).admitted()).isFalse();
    }

    @Test
    void retryAfterIsTheMissingTokensOverTheRateRoundedUp() {
        TouchpointRateLimiter limiter = limiter(new Rate(2, 10));
        limiter.tryAcquire("acme", 10);
        assertThat(limiter.tryAcquire("acme", 7).retryAfterSeconds()).isEqualTo(4); // 7 missing at 2/s: 3.5 s
        advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("acme", 7).retryAfterSeconds()).isEqualTo(3); // 5 missing: 2.5 s
        advance(Duration.ofMillis(2500));
        assertThat(limiter.tryAcquire("acme", 7).admitted()).isTrue(); // exactly when it said
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        TouchpointRateLimiter limiter = limiter(new Rate(1000, 10));
        limiter.tryAcquire("acme", 10);
        advance(Duration.ofNanos(9_500_000)); // 9.5 tokens back; the missing half needs half a millisecond
        Decision refused = limiter.tryAcquire("acme", 10);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tenantsHaveBucketsAndRatesOfTheirOwn() {
        TouchpointRateLimiter limiter = limiter(Map.of("small", new Rate(1, 2)), new Rate(100, 1000));
        assertThat(limiter.tryAcquire("small", 2).admitted()).isTrue();
        assertThat(limiter.tryAcquire("small", 1).admitted()).isFalse();
        assertThat(limiter.tryAcquire("big", 1000).admitted()).isTrue();
        assertThat(limiter.tryAcquire("other", 1000).admitted()).isTrue();
        assertThat(limiter.tryAcquire("small", 1).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void idleTenantsBucketsAreDroppedOnlyOnceTheyAreFullAgain() {
        TouchpointRateLimiter limiter = limiter(new Rate(10, 20)); // empty to full: 2 s
        limiter.tryAcquire("busy", 20);
        limiter.tryAcquire("idle", 20);
        advance(Duration.ofMillis(1900));
        assertThat(limiter.evictIdle()).isZero();
        assertThat(limiter.trackedTenants()).isEqualTo(2);

        limiter.tryAcquire("busy", 19);
        advance(Duration.ofMillis(100));
        assertThat(limiter.evictIdle()).isEqualTo(1);
        assertThat(limiter.trackedTenants()).isEqualTo(1);
        // dropping a full bucket changes nothing: the tenant comes back to a full one, and busy kept its debt
        assertThat(limiter.tryAcquire("idle", 20).admitted()).isTrue();
        assertThat(limiter.tryAcquire("busy", 3).admitted()).isFalse();
    }

    @Test
    void requestsSweepIdleBucketsOnceTheIntervalPassed() {
        TouchpointRateLimiter limiter = limiter(new Rate(1000, 1000));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("tenant-" + i, 1);
        }
        assertThat(limiter.trackedTenants()).isEqualTo(100);
        advance(Duration.ofSeconds(59));
        limiter.tryAcquire("newcomer", 1);
        assertThat(limiter.trackedTenants()).isEqualTo(101);
        advance(Duration.ofSeconds(1));
        limiter.tryAcquire("newcomer", 1);
        assertThat(limiter.trackedTenants()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBucketHolds() throws Exception {
        TouchpointRateLimiter limiter = limiter(new Rate(1, 500)); // the clock stands still: no refill
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(() -> {
                    int admitted = 0;
                    for (int i = 0; i < 250; i++) {
                        admitted += limiter.tryAcquire("acme", 1).admitted() ? 1 : 0;
                        limiter.tryAcquire("other-" + (i % 10), 1);
                    }
                    return admitted;
                });
            }
            int total = 0;
            for (Future<Integer> admitted : pool.invokeAll(workers)) {
                total += admitted.get();
            }
            assertThat(total).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRateMustRefillAndHoldAtLeastOne() {
        assertThatThrownBy(() -> new Rate(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
