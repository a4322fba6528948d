package dev.tandem.kpi.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.kpi.service.LoggedEvent.Fence;
import dev.tandem.support.mongo.MongoErrors;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The {@code kpi_totals} collection (of one generation, {@link KpiStore}): the tenant totals every KPI reads, maintained as each batch is applied, so no
 * request ever scans the accounts. One document per tenant and partition of the journey-event topic holds its
 * counters and the last offset it counted: the counters' increments and that offset change in one atomic update,
 * filtered on the offset that was read, so a batch is counted exactly once even when it is redelivered or when two
 * instances briefly both hold a partition.
 */
public class KpiTotalsRepository {

    public static final String COLLECTION = "kpi_totals";
    static final String TENANT_ID = "tenantId";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String COUNTERS = "c";

    private final ReactiveMongoCollection<Document> totals;

    /** The repository of one generation's collection ({@link KpiStore}). */
    KpiTotalsRepository(ReactiveMongoCollection<Document> totals) {
        this.totals = totals;
    }

    Uni<Void> ensureIndexes() {
        return totals.createIndex(Indexes.ascending(TENANT_ID), new IndexOptions().name("tenant"))
                // the fenced update's filter {_id, offset}, for the stand-in as in AccountKpiRepository
                .chain(() -> totals.createIndex(Indexes.ascending("_id", OFFSET),
                        new IndexOptions().name("id_offset").unique(true)))
                .replaceWithVoid();
    }

    /** The last offset each fence counted; a fence never counted is absent. */
    public Uni<Map<Fence, Long>> offsets(Collection<Fence> fences) {
        if (fences.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Fence> byId = new HashMap<>();
        fences.forEach(fence -> byId.put(fence.id(), fence));
        // the offsets only: the counters are large and only ever added to
        return totals.find(in("_id", List.copyOf(byId.keySet())), Document.class,
                        new FindOptions().projection(new Document(OFFSET, 1)))
                .collect().asMap(document -> byId.get(document.getString("_id")),
                        document -> ((Number) document.get(OFFSET)).longValue());
    }

    /**
     * Adds each write's increments and moves its fence to the new offset, each only if the fence still stands at
     * the offset that was read (one unordered bulk write).
     *
     * @return the fences another writer moved since they were read (those writes were not applied)
     */
    public Uni<Set<Fence>> add(List<Increment> increments) {
        if (increments.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<WriteModel<Document>> models = new ArrayList<>(increments.size());
        for (Increment increment : increments) {
            Document inc = new Document();
            increment.deltas().forEach((key, delta) -> inc.append(COUNTERS + "." + key, delta));
            Document update = new Document("$set", new Document(OFFSET, increment.toOffset())
                    .append(TENANT_ID, increment.fence().tenantId())
                    .append(PARTITION, increment.fence().partition()));
            if (!inc.isEmpty()) {
                update.append("$inc", inc);
            }
            // an upsert whose filter no longer matches collides with the stored _id: 11000, reported per write
            // a flat filter with _id at its top: answered from the _id index
            models.add(new UpdateOneModel<>(new Document("_id", increment.fence().id())
                    .append(OFFSET, increment.fromOffset()), update, new UpdateOptions().upsert(true)));
        }
        return totals.bulkWrite(models, new BulkWriteOptions().ordered(false))
                .map(result -> Set.<Fence>of())
                .onFailure(failure -> MongoErrors.duplicateKeysOnly(failure).isPresent())
                .recoverWithItem(failure -> {
                    Set<Fence> conflicts = new LinkedHashSet<>();
                    MongoErrors.duplicateKeysOnly(failure).orElseThrow()
                            .forEach(index -> conflicts.add(increments.get(index).fence()));
                    return conflicts;
                });
    }

    /**
     * The counters of one fence to add, and the offsets it moves between.
     *
     * @param fromOffset the offset read ({@link #NEVER} when the fence never counted)
     */
    public record Increment(Fence fence, long fromOffset, long toOffset, Map<String, Long> deltas) {
    }

    /**
     * Stores totals that were summed outside of batches (a rebuild sums every account once at the end): one document
     * per fence with its counters and the offset up to which they count every event of the fence.
     */
    public Uni<Void> insertAll(Map<Fence, Map<String, Long>> counters, Map<Fence, Long> offsets) {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Document> documents = new ArrayList<>();
        counters.forEach((fence, values) -> documents.add(new Document("_id", fence.id())
                .append(TENANT_ID, fence.tenantId()).append(PARTITION, fence.partition())
                .append(OFFSET, offsets.get(fence)).append(COUNTERS, new Document(new java.util.LinkedHashMap<String, Object>(
                        values)))));
        return totals.insertMany(documents).replaceWithVoid();
    }

    /** The offset of a fence that never counted anything. */
    public static final long NEVER = -1;

    /** The tenant's totals: every counter summed over its partitions (zeros left out). */
    public Uni<Map<String, Long>> totalsOf(String tenantId) {
        return totals.find(eq(TENANT_ID, tenantId), Document.class).collect().asList().map(documents -> {
            Map<String, Long> sums = new HashMap<>();
            for (Document document : documents) {
                Document counters = document.get(COUNTERS, Document.class);
                if (counters != null) {
                    counters.forEach((key, value) -> sums.merge(key, ((Number) value).longValue(), Long::sum));
                }
            }
            sums.values().removeIf(value -> value == 0);
            return sums;
        });
    }

    /**
     * A number that changes whenever the tenant's totals do, read without their counters: over the tenant's fences,
     * the log positions counted (last offset + 1, so a first batch at offset 0 counts too). Every change of the
     * totals moves a fence forward in the same update ({@link #add}), so whichever instance counted it, this moves
     * with it; 0 for a tenant never counted.
     */
    public Uni<Long> revisionOf(String tenantId) {
        FindOptions offsetsOnly = new FindOptions().projection(Projections.fields(Projections.include(OFFSET),
                Projections.excludeId()));
        return totals.find(eq(TENANT_ID, tenantId), offsetsOnly).collect()
                .with(Collectors.summingLong(document -> ((Number) document.get(OFFSET)).longValue() + 1));
    }
}
