package dev.tandem.designer.mapping;

import java.util.ArrayList;
import java.util.List;

/** An account's touchpoints to add to its stored timeline (at most {@value TimelineEntry#KEPT}, newest first). */
public record RecordedTouchpoints(String tenantId, String accountKey, List<TimelineEntry> entries) {

    /** The touchpoints of both, as one. */
    public RecordedTouchpoints and(RecordedTouchpoints more) {
        List<TimelineEntry> both = new ArrayList<>(entries);
        both.addAll(more.entries());
        return new RecordedTouchpoints(tenantId, accountKey, TimelineEntry.latest(both));
    }

    /** The timeline's id, {@code tenant/account}. */
    public String id() {
        return TimelineDocuments.idOf(tenantId, accountKey);
    }
}
