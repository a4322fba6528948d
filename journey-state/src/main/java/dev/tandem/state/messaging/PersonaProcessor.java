package dev.tandem.state.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.PersonaV1;
import dev.tandem.state.repository.StateStores;
import dev.tandem.state.service.JourneyContexts;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps the global store of personas from {@code tandem.personas.v1} (compacted, key {@code tenantId/role}; a
 * tombstone deletes): the tenant's title patterns, tried before the standard ones when a role is inferred. The
 * highest revision wins, so a record sent twice changes nothing. A record that can never be used (unreadable, key not
 * matching, a pattern that does not compile) is logged and counted and the role keeps what it had: a global store
 * cannot forward to a dead-letter topic, and the designer API validates before it writes.
 */
final class PersonaProcessor implements Processor<String, String, Void, Void> {

    private static final Logger LOG = Logger.getLogger(PersonaProcessor.class);

    private final JourneyContexts contexts;
    private final StateMetrics metrics;
    private KeyValueStore<String, String> store;

    PersonaProcessor(JourneyContexts contexts, StateMetrics metrics) {
        this.contexts = contexts;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StateStores.PERSONAS);
    }

    @Override
    public void process(Record<String, String> record) {
        String key = record.key();
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            refuse(key, "the key must be tenantId/role");
            return;
        }
        String tenantId = key.substring(0, slash);
        if (record.value() == null) {
            store.delete(key);
            contexts.invalidate(tenantId);
            LOG.infof("Persona %s deleted", key);
            return;
        }
        PersonaV1 persona;
        try {
            persona = usable(key, record.value());
        } catch (MalformedEventException e) {
            refuse(key, e.getMessage());
            return;
        }
        String existing = store.get(key);
        if (existing == null || EventJson.read(existing, PersonaV1.class).revision() <= persona.revision()) {
            store.put(key, record.value());
            contexts.invalidate(tenantId);
            LOG.infof("Persona %s revision %d in force", key, persona.revision());
        }
    }

    private static PersonaV1 usable(String key, String json) {
        PersonaV1 persona = EventJson.read(json, PersonaV1.class);
        if (persona.role() == null || persona.tenantId() == null || !key.equals(persona.key())) {
            throw new MalformedEventException("persona " + persona.tenantId() + "/"
                    + (persona.role() == null ? null : persona.role().wireName()) + " arrived under the key " + key);
        }
        String regex = persona.titleRegex();
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new MalformedEventException("title patterns do not compile: " + e.getDescription());
            }
        }
        return persona;
    }

    private void refuse(String key, String reason) {
        LOG.warnf("Persona %s refused, the role keeps its patterns: %s", key, reason);
        metrics.personaRefused();
    }
}
