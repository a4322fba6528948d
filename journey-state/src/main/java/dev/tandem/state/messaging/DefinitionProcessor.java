package dev.tandem.state.messaging;

import dev.tandem.events.MalformedEventException;
import dev.tandem.state.mapping.PublishedDefinition;
import dev.tandem.state.repository.StateStores;
import dev.tandem.state.service.JourneyContexts;
import dev.tandem.state.service.JourneyDefinitions;
import dev.tandem.state.service.JourneyDefinitions.Publish;
import dev.tandem.state.service.JourneyDefinitions.Unpublish;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps the global store of published journey definitions from {@code tandem.journey-definitions.v1}
 * (compacted, key {@code tenantId/journeyId}; the record time is the publication time). Every instance holds
 * all of it. A definition that can never be used (unreadable, invalid, not compiling, key not matching) is
 * logged and counted and the tenant keeps its journey: a global store cannot forward to a dead-letter topic,
 * and the designer API validates before it publishes.
 */
final class DefinitionProcessor implements Processor<String, String, Void, Void> {

    private static final Logger LOG = Logger.getLogger(DefinitionProcessor.class);

    private final JourneyDefinitions definitions;
    private final JourneyContexts contexts;
    private final StateMetrics metrics;
    private KeyValueStore<String, String> store;

    DefinitionProcessor(JourneyDefinitions definitions, JourneyContexts contexts, StateMetrics metrics) {
        this.definitions = definitions;
        this.contexts = contexts;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StateStores.DEFINITIONS);
    }

    @Override
    public void process(Record<String, String> record) {
        JourneyDefinitions.Change change;
        try {
            change = definitions.changeOf(record.key(), record.value());
        } catch (MalformedEventException e) {
            LOG.warnf("Journey definition %s refused, the tenant keeps its journey: %s", record.key(), e.getMessage());
            metrics.definitionRefused();
            return;
        }
        if (change instanceof Publish publish) {
            String existing = store.get(record.key());
            if (existing == null
                    || PublishedDefinition.fromJson(existing).definition().version() <= publish.definition().version()) {
                store.put(record.key(), new PublishedDefinition(Instant.ofEpochMilli(record.timestamp()),
                        publish.definition()).toJson());
                LOG.infof("Journey %s version %d published", record.key(), publish.definition().version());
            }
            contexts.invalidate(publish.definition().tenantId());
        } else if (change instanceof Unpublish unpublish) {
            String existing = store.get(record.key());
            if (existing != null && (unpublish.upToVersion() == null
                    || PublishedDefinition.fromJson(existing).definition().version() <= unpublish.upToVersion())) {
                store.delete(record.key());
                LOG.infof("Journey %s unpublished", record.key());
            }
            contexts.invalidate(unpublish.tenantId());
        }
    }
}
