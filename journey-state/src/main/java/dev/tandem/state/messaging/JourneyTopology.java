package dev.tandem.state.messaging;

import dev.tandem.events.Topics;
import dev.tandem.state.repository.StateStores;
import dev.tandem.state.service.JourneyContexts;
import dev.tandem.state.service.JourneyDefinitions;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * journey-state's Kafka Streams topology:
 * <pre>
 *   tandem.touchpoints.v1 ──▶ touchpoints (per account; RocksDB stores with changelogs)
 *        ├──▶ tandem.journey-events.v1
 *        ├──▶ tandem.account-snapshots.v1
 *        └──▶ tandem.dlq.journey-state.v1
 *   tandem.journey-definitions.v1 ──▶ global store journey-definitions (read by every task)
 *   tandem.personas.v1 ──────────────▶ global store journey-personas (role inference; read by every task)
 * </pre>
 * Keys stay {@code tenant/account} end to end, so the outputs are partitioned like the input.
 */
public final class JourneyTopology {

    private static final String TOUCHPOINTS_SOURCE = "touchpoints-source";
    private static final String TOUCHPOINTS_PROCESSOR = "touchpoints";

    private JourneyTopology() {
    }

    public static Topology build(TopologySettings settings, JourneyContexts contexts, StateMetrics metrics) {
        StringDeserializer strings = new StringDeserializer();
        StringSerializer keys = new StringSerializer();
        ByteArraySerializer out = new ByteArraySerializer();
        JourneyDefinitions definitions = new JourneyDefinitions();

        Topology topology = new Topology();
        topology.addGlobalStore(StateStores.global(StateStores.DEFINITIONS),
                "journey-definitions-source", strings, strings, Topics.JOURNEY_DEFINITIONS,
                "journey-definitions", () -> new DefinitionProcessor(definitions, contexts, metrics));
        topology.addGlobalStore(StateStores.global(StateStores.PERSONAS),
                "personas-source", strings, strings, Topics.PERSONAS, "personas",
                () -> new PersonaProcessor(contexts, metrics));
        // touchpoint values stay bytes: parsed from them, dead-lettered as they came
        topology.addSource(TOUCHPOINTS_SOURCE, strings, new ByteArrayDeserializer(), Topics.TOUCHPOINTS);
        topology.addProcessor(TOUCHPOINTS_PROCESSOR, () -> new TouchpointProcessor(settings, contexts, metrics),
                TOUCHPOINTS_SOURCE);
        StateStores.PER_ACCOUNT.forEach(store -> topology.addStateStore(StateStores.perAccount(store),
                TOUCHPOINTS_PROCESSOR));
        topology.addSink(TouchpointProcessor.EVENTS_SINK, Topics.JOURNEY_EVENTS, keys, out, TOUCHPOINTS_PROCESSOR);
        topology.addSink(TouchpointProcessor.SNAPSHOTS_SINK, Topics.ACCOUNT_SNAPSHOTS, keys, out,
                TOUCHPOINTS_PROCESSOR);
        topology.addSink(TouchpointProcessor.DEAD_LETTER_SINK, Topics.DLQ_JOURNEY_STATE, keys, out,
                TOUCHPOINTS_PROCESSOR);
        return topology;
    }

}
