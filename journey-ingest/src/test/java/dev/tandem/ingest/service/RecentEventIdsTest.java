package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentEventIdsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(10), 3, 10, ticker);

    @Test
    void anIdIsClaimedOncePerTenantWithinTheWindow() {
        assertThat(ids.claim("acme", "crm:1")).isTrue();
        assertThat(ids.claim("acme", "crm:1")).isFalse();
        // another tenant's, or another system's, 1 is another touchpoint
        assertThat(ids.claim("globex", "crm:1")).isTrue();
        assertThat(ids.claim("acme", "marketo:1")).isTrue();

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(ids.claim("acme", "crm:1")).isTrue();
    }

    @Test
    void aReleasedIdCanBeClaimedAgain() {
        assertThat(ids.claim("acme", "crm:2")).isTrue();
        ids.release("acme", List.of("crm:2"));
        assertThat(ids.claim("acme", "crm:2")).isTrue();
    }

    @Test
    void oneTenantsManyIdsDoNotEvictAnothers() {
        assertThat(ids.claim("quiet", "crm:q")).isTrue();
        for (int i = 0; i < 100; i++) {
            ids.claim("busy", "crm:" + i);
        }
        assertThat(ids.claim("quiet", "crm:q")).isFalse();
    }
}
