package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentTouchesTest {

    @Test
    void findsWhatWasKeptPerAccountAndTheLeastRecentlyUsedLeaveFirst() {
        RecentTouches recent = new RecentTouches(3);
        recent.keep("t/a", Map.of(0L, touch("a0"), 1L, touch("a1")));
        recent.keep("t/b", Map.of(0L, touch("b0")));

        assertThat(recent.find("t/a", List.of(0L, 1L, 2L))).containsOnlyKeys(0L, 1L);
        assertThat(recent.find("t/b", List.of(0L)).get(0L).id()).isEqualTo("b0");

        // a/0 and a/1 were read after b/0, so b/0 is the least recently used when a fourth arrives
        recent.find("t/a", List.of(0L, 1L));
        recent.keep("t/c", Map.of(5L, touch("c5")));
        assertThat(recent.find("t/b", List.of(0L))).isEmpty();
        assertThat(recent.find("t/a", List.of(0L, 1L))).containsOnlyKeys(0L, 1L);
        assertThat(recent.find("t/c", List.of(5L))).containsOnlyKeys(5L);
    }

    private static Touch touch(String id) {
        return new Touch(id, Instant.parse("2026-01-01T00:00:00Z"), TouchpointSource.MARKETING, "email", null, null);
    }
}
