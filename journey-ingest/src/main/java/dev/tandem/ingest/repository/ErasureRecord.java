package dev.tandem.ingest.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One erasure as the vault records it: the audit of who asked, when it reached the log, who confirmed. */
public record ErasureRecord(
        String id,
        String tenantId,
        String contactKey,
        String requestedBy,
        Instant requestedAt,
        int keysDeleted,
        Instant publishedAt,
        List<String> confirmedBy,
        Instant completedAt) {

    static final String COLUMNS = "erasure_id, tenant_id, contact_key, requested_by, requested_at, keys_deleted, "
            + "published_at, confirmed_by, completed_at";

    static ErasureRecord of(Row row) {
        String[] confirmed = row.getArrayOfStrings("confirmed_by");
        return new ErasureRecord(row.getString("erasure_id"), row.getString("tenant_id"),
                row.getString("contact_key"), row.getString("requested_by"), instant(row, "requested_at"),
                row.getInteger("keys_deleted"), instant(row, "published_at"),
                confirmed == null ? List.of() : Arrays.stream(confirmed).sorted().toList(),
                instant(row, "completed_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
