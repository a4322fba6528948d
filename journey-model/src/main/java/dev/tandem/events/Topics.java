package dev.tandem.events;

import java.util.List;

/**
 * The Kafka topics of Tandem: names, partition counts and retention, defined once for the services,
 * the local infrastructure and the deployment manifests.
 */
public final class Topics {

    public static final String TOUCHPOINTS = "tandem.touchpoints.v1";
    public static final String TOUCHPOINTS_RAW = "tandem.touchpoints.raw.v1";
    public static final String TOUCHPOINTS_REJECTED = "tandem.touchpoints.rejected.v1";
    public static final String CONTACTS = "tandem.contacts.v1";
    public static final String JOURNEY_DEFINITIONS = "tandem.journey-definitions.v1";
    /** Personas' title patterns and weights ({@link PersonaV1}), key {@code tenantId/role}. */
    public static final String PERSONAS = "tandem.personas.v1";
    public static final String JOURNEY_EVENTS = "tandem.journey-events.v1";
    public static final String ACCOUNT_SNAPSHOTS = "tandem.account-snapshots.v1";
    /** Erasure requests and the services' confirmations ({@link ErasureV1}). */
    public static final String ERASURES = "tandem.erasures.v1";

    /** Dead-letter topics: one per consuming service, so an operator knows whose poison it was. */
    public static final String DLQ_JOURNEY_INGEST = "tandem.dlq.journey-ingest.v1";
    public static final String DLQ_JOURNEY_STATE = "tandem.dlq.journey-state.v1";
    public static final String DLQ_DESIGNER_API = "tandem.dlq.interaction-designer-api.v1";
    public static final String DLQ_KPI_PROJECTOR = "tandem.dlq.kpi-projector.v1";

    public static final int KEYED_PARTITIONS = 3;

    /** How a topic is laid out. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(TOUCHPOINTS, KEYED_PARTITIONS, false),
            new Spec(TOUCHPOINTS_RAW, KEYED_PARTITIONS, false),
            new Spec(TOUCHPOINTS_REJECTED, 1, false),
            new Spec(CONTACTS, KEYED_PARTITIONS, true),
            new Spec(JOURNEY_DEFINITIONS, 1, true),
            new Spec(PERSONAS, 1, true),
            new Spec(JOURNEY_EVENTS, KEYED_PARTITIONS, false),
            new Spec(ACCOUNT_SNAPSHOTS, KEYED_PARTITIONS, true),
            new Spec(ERASURES, 1, false),
            new Spec(DLQ_JOURNEY_INGEST, 1, false),
            new Spec(DLQ_JOURNEY_STATE, 1, false),
            new Spec(DLQ_DESIGNER_API, 1, false),
            new Spec(DLQ_KPI_PROJECTOR, 1, false));

    private Topics() {
    }
}
