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
    /** Counts the document's writes: the guard of optimistic concurrency. */
    public static final String REVISION = "revision";

    private TimelineDocuments() {
    }

    public static String idOf(String tenantId, String accountKey) {
        return EventKeys.account(tenantId, accountKey);
    }

    public static Document of(String tenantId, String accountKey, List<TimelineEntry> entries, long revision) {
        return new Document(ID, idOf(tenantId, accountKey)).append(TENANT_ID, tenantId)
                .append("accountKey", accountKey)
                .append(REVISION, revision)
                .append(ENTRIES, entries.stream().map(entry -> new Document("touchpointId", entry.touchpointId())
                        .append("type", entry.type())
                        .append("source", entry.source())
                        .append("direction", entry.direction())
                        .append("contactKey", entry.contactKey())
                        .append("occurredAt", entry.occurredAt() == null ? null : Date.from(entry.occurredAt())))
                        .toList());
    }

    /** The document's revision; 0 for none (or one written before revisions). */
    public static long revisionOf(Document document) {
        Object revision = document == null ? null : document.get(REVISION);
        return revision instanceof Number number ? number.longValue() : 0;
    }

    public static List<TimelineEntry> entriesOf(Document document) {
        if (document == null) {
            return List.of();
        }
        return document.getList(ENTRIES, Document.class, List.of()).stream()
                .map(entry -> new TimelineEntry(entry.getString("touchpointId"), entry.getString("type"),
                        entry.getString("source"), entry.getString("direction"), entry.getString("contactKey"),
                        entry.getDate("occurredAt") == null ? null : entry.getDate("occurredAt").toInstant()))
                .toList();
    }
}
