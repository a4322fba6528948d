package dev.tandem.state.mapping;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.state.repository.OutboxRecordEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns what the aggregate decided into outbox rows: its journey events in order, then its snapshot. */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    public static List<OutboxRecordEntity> of(List<JourneyEventV1> events, AccountSnapshotV1 snapshot,
            String snapshotJson, Instant now) {
        List<OutboxRecordEntity> rows = new ArrayList<>(events.size() + 1);
        for (JourneyEventV1 event : events) {
            rows.add(row(event.tenantId(), event.accountKey(), Topics.JOURNEY_EVENTS, event.eventId(),
                    CloudEventTypes.journeyEvent(event.type()), EventJson.write(event), event.occurredAt(), now));
        }
        rows.add(row(snapshot.tenantId(), snapshot.accountKey(), Topics.ACCOUNT_SNAPSHOTS,
                JourneyEventV1.eventIdOf(snapshot.tenantId(), snapshot.accountKey(), snapshot.accountVersion())
                        + "/snapshot",
                CloudEventTypes.ACCOUNT_SNAPSHOT, snapshotJson, snapshot.lastTouchpointAt(), now));
        return rows;
    }

    private static OutboxRecordEntity row(String tenantId, String accountKey, String topic, String ceId,
            String ceType, String payload, Instant occurredAt, Instant now) {
        OutboxRecordEntity row = new OutboxRecordEntity();
        row.tenantId = tenantId;
        row.accountKey = accountKey;
        row.topic = topic;
        row.recordKey = EventKeys.account(tenantId, accountKey);
        row.ceId = ceId;
        row.ceType = ceType;
        row.payload = payload;
        row.occurredAt = occurredAt;
        row.createdAt = now;
        return row;
    }
}
