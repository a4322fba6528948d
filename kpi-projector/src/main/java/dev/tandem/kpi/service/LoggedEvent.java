package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;

/**
 * A journey event and where it stands on the log: the tenant totals remember, per tenant and partition, the last
 * offset they counted, so a batch redelivered after a crash is never counted twice.
 *
 * @param loggedAtMillis the record's timestamp on the log (when journey-state wrote it), for the latency metric
 */
public record LoggedEvent(JourneyEventV1 event, int partition, long offset, long loggedAtMillis) {

    /** An event whose log timestamp is not known (tests, rebuilds that do not measure latency). */
    public LoggedEvent(JourneyEventV1 event, int partition, long offset) {
        this(event, partition, offset, 0);
    }

    /**
     * The event a journey-event record holds, where it stands; throws MalformedEventException for a record that
     * can never be applied.
     */
    public static LoggedEvent read(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return new LoggedEvent(dev.tandem.support.messaging.JourneyEventRecords.read(record.key(), record.value()),
                record.partition(), record.offset(), record.timestamp());
    }

    public Fence fence() {
        return new Fence(event.tenantId(), partition);
    }

    /** One tenant's share of one partition of the journey-event topic: the unit the totals are counted in. */
    public record Fence(String tenantId, int partition) {

        public String id() {
            return tenantId + "/" + partition;
        }
    }
}
