package dev.tandem.designer.mapping;

import dev.tandem.events.EventKeys;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Maps account timelines to documents of {@code account_timelines}: one per account (id {@code tenant/account}),
 * holding its latest touchpoints newest first, so a seller's read is one id lookup.
 */
public final class TimelineDocuments {

    public static final String COLLECTION = "account_timelines";
    public static final String ID = "_id";
    public static final String TENANT_ID = "tenantId";
    public static final String ENTRIES = "entries";
    public static final String ACCOUNT_KEY = "accountKey";
    static final String TOUCHPOINT_ID = "touchpointId";
    static final String OCCURRED_AT = "occurredAt";

    private TimelineDocuments() {
    }

    public static String idOf(String tenantId, String accountKey) {
        return EventKeys.account(tenantId, accountKey);
    }

    /**
     * One entry as stored. The same touchpoint always gives an equal document (same fields, same order), which is
     * what lets {@code $addToSet} leave out a touchpoint the timeline already holds.
     */
    public static Document entryOf(TimelineEntry entry) {
        return new Document(TOUCHPOINT_ID, entry.touchpointId())
                .append("type", entry.type())
                .append("source", entry.source())
                .append("direction", entry.direction())
                .append("contactKey", entry.contactKey())
                .append(OCCURRED_AT, entry.occurredAt() == null ? null : Date.from(entry.occurredAt()));
    }

    /** How {@code $push} orders the stored entries: {@link TimelineEntry#NEWEST_FIRST}. */
    public static Document newestFirst() {
        return new Document(OCCURRED_AT, -1).append(TOUCHPOINT_ID, -1);
    }

    /**
     * The timeline's latest {@value TimelineEntry#KEPT} touchpoints, newest first, each once: sorted and cut here too,
     * since a reader may come between the write that adds entries and the one that orders and trims them.
     */
    public static List<TimelineEntry> entriesOf(Document document) {
        if (document == null) {
            return List.of();
        }
        return TimelineEntry.latest(document.getList(ENTRIES, Document.class, List.of()).stream()
                .map(entry -> new TimelineEntry(entry.getString(TOUCHPOINT_ID), entry.getString("type"),
                        entry.getString("source"), entry.getString("direction"), entry.getString("contactKey"),
                        entry.getDate(OCCURRED_AT) == null ? null : entry.getDate(OCCURRED_AT).toInstant()))
                .toList());
    }
}
