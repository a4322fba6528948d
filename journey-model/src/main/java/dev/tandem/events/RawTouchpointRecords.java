package dev.tandem.events;

/**
 * The contract of {@link Topics#TOUCHPOINTS_RAW} and {@link Topics#TOUCHPOINTS_REJECTED}: what a Kafka producer
 * puts beside a raw touchpoint record, and what journey-ingest adds when it refuses one.
 * <p>
 * A raw record's value is a native touchpoint, a structured CloudEvent, or a CloudEvent's data in binary mode
 * ({@code ce_*} headers); its tenant and sending system come from headers, because a record has no credentials
 * (who may write the raw topic is the broker's ACLs' business). A rejected record is the raw record unchanged (key,
 * value, headers) plus the {@code tandem-rejected-*} headers, so that {@code ./tandem rejected replay} can send it
 * back to the raw topic as it was once the cause is fixed.
 */
public final class RawTouchpointRecords {

    /** The tenant the record belongs to (required). */
    public static final String TENANT = "tandem-tenant";
    /** The sending system (optional; {@code default} without it). */
    public static final String SYSTEM = "tandem-system";
    /** {@code native} or {@code cloudevents} (optional: a {@code ce_specversion} header or field decides). */
    public static final String FORMAT = "tandem-format";

    /** Why the record was refused: a bounded reason such as {@code schema}, {@code no-tenant}, {@code too-large}. */
    public static final String REJECTED_REASON = "tandem-rejected-reason";
    /** The JSON Pointer of the first offending field within the value ({@code /occurredAt}), or a header name. */
    public static final String REJECTED_FIELD = "tandem-rejected-field";
    /** What is wrong with it, in words. */
    public static final String REJECTED_MESSAGE = "tandem-rejected-message";
    /** Where it was read: {@code topic/partition/offset}. */
    public static final String REJECTED_FROM = "tandem-rejected-from";
    /** When it was refused, ISO-8601. */
    public static final String REJECTED_AT = "tandem-rejected-at";
    /** The prefix every rejection header shares; a replay drops these. */
    public static final String REJECTED_PREFIX = "tandem-rejected-";

    private RawTouchpointRecords() {
    }
}
