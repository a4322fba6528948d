package dev.tandem.kpi.service;

import dev.tandem.kpi.mapping.AttributionTouchDocuments;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution touchpoints this instance appended or read lately, by account and sequence number, least recently
 * used leaving first. An account's touchpoint at a sequence number is the same in every generation and after every
 * replay (it follows from the account's journey events), so an entry is never stale: it only spares a read.
 */
final class RecentTouches {

    private final Map<String, Touch> byId;

    RecentTouches(int capacity) {
        this.byId = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Touch> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Those of {@code seqs} that are kept, by sequence number. */
    synchronized Map<Long, Touch> find(String accountId, List<Long> seqs) {
        Map<Long, Touch> found = new HashMap<>();
        for (long seq : seqs) {
            Touch touch = byId.get(AttributionTouchDocuments.idOf(accountId, seq));
            if (touch != null) {
                found.put(seq, touch);
            }
        }
        return found;
    }

    synchronized void keep(String accountId, Map<Long, Touch> touches) {
        touches.forEach((seq, touch) -> byId.put(AttributionTouchDocuments.idOf(accountId, seq), touch));
    }
}
