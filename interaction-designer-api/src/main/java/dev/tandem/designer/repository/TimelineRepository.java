package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * {@code account_timelines}: each account's latest touchpoints in one document, read and written by id only (an id
 * lookup on any MongoDB, and on the local wire server too).
 */
@ApplicationScoped
public class TimelineRepository {

    /** An account's timeline as it is to be stored. */
    public record Timeline(String tenantId, String accountKey, List<TimelineEntry> entries) {
    }

    private final ReactiveMongoCollection<Document> timelines;

    public TimelineRepository(ReactiveMongoClient mongo, DesignerConfig config) {
        this.timelines = mongo.getDatabase(config.projection().database()).getCollection(TimelineDocuments.COLLECTION);
    }

    /** The stored timelines of these accounts (ids {@code tenant/account}), by id; absent ones are missing. */
    public Uni<Map<String, List<TimelineEntry>>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return timelines.find(in(TimelineDocuments.ID, List.copyOf(ids))).collect().asList()
                .map(found -> found.stream().collect(Collectors.toMap(d -> d.getString(TimelineDocuments.ID),
                        TimelineDocuments::entriesOf)));
    }

    public Uni<List<TimelineEntry>> find(String tenantId, String accountKey) {
        return timelines.find(eq(TimelineDocuments.ID, TimelineDocuments.idOf(tenantId, accountKey)))
                .collect().first().map(TimelineDocuments::entriesOf);
    }

    /** Replaces each timeline whole, in one unordered bulk write; idempotent, so a failed one may be retried. */
    public Uni<Void> replaceAll(Collection<Timeline> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (Timeline timeline : changed) {
            writes.add(new ReplaceOneModel<>(eq(TimelineDocuments.ID,
                    TimelineDocuments.idOf(timeline.tenantId(), timeline.accountKey())),
                    TimelineDocuments.of(timeline.tenantId(), timeline.accountKey(), timeline.entries()),
                    new ReplaceOptions().upsert(true)));
        }
        return timelines.bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }
}
