package dev.tandem.state.repository;

import dev.tandem.events.EventJson;
import dev.tandem.events.PersonaV1;
import dev.tandem.state.mapping.PublishedDefinition;
import dev.tandem.state.service.TenantDesigns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The global stores of published definitions and personas, read by a prefix scan of the tenant's keys. */
public final class DesignStores implements TenantDesigns {

    private final ReadOnlyKeyValueStore<String, String> definitions;
    private final ReadOnlyKeyValueStore<String, String> personas;

    public DesignStores(ReadOnlyKeyValueStore<String, String> definitions,
            ReadOnlyKeyValueStore<String, String> personas) {
        this.definitions = definitions;
        this.personas = personas;
    }

    @Override
    public List<PublishedDefinition> publishedOf(String tenantId) {
        return scan(definitions, tenantId, PublishedDefinition::fromJson);
    }

    @Override
    public List<PersonaV1> personasOf(String tenantId) {
        return scan(personas, tenantId, json -> EventJson.read(json, PersonaV1.class));
    }

    private static <T> List<T> scan(ReadOnlyKeyValueStore<String, String> store, String tenantId,
            Function<String, T> read) {
        List<T> found = new ArrayList<>();
        // tenant ids hold no slash: tenant/ ... tenant/\uffff is exactly the tenant's keys
        try (KeyValueIterator<String, String> range = store.range(tenantId + "/", tenantId + "/\uffff")) {
            range.forEachRemaining(kv -> found.add(read.apply(kv.value)));
        }
        return found;
    }
}
