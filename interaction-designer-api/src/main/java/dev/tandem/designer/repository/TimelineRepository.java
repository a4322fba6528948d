package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.tandem.designer.mapping.RecordedTouchpoints;
import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * {@code account_timelines} of one generation ({@link ReadModelStore}): each account's latest touchpoints in one
 * document, read and written by id only. Touchpoints are added without reading the timeline: two updates that
 * MongoDB applies atomically each, so two writers adding to one timeline at once (the live consumer and a rebuild
 * catching up) never lose each other's touchpoints.
 */
public class TimelineRepository {

    private final ReactiveMongoCollection<Document> timelines;

    TimelineRepository(ReactiveMongoCollection<Document> timelines) {
        this.timelines = timelines;
    }

    /**
     * Adds each account's touchpoints in one ordered bulk write: first, per account, {@code $addToSet} of its entries
     * (an upsert; a touchpoint the timeline holds already, replayed or sent again, is an equal document and is not
     * added twice), then, per account, a {@code $push} of nothing that sorts the entries newest first and keeps the
     * latest {@value TimelineEntry#KEPT}. Reading each timeline and writing it whole, as before, cost the designer more
     * CPU than projecting the snapshots (async-profiler, 500 touchpoints/s). Any error fails the whole write, which may
     * be retried as it is: both updates are idempotent.
     */
    public Uni<Void> add(List<RecordedTouchpoints> additions) {
        if (additions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> models = new ArrayList<>(additions.size() * 2);
        for (RecordedTouchpoints account : additions) {
            models.add(new UpdateOneModel<>(eq(TimelineDocuments.ID, account.id()), Updates.combine(
                    Updates.addEachToSet(TimelineDocuments.ENTRIES,
                            account.entries().stream().map(TimelineDocuments::entryOf).toList()),
                    Updates.setOnInsert(TimelineDocuments.TENANT_ID, account.tenantId()),
                    Updates.setOnInsert(TimelineDocuments.ACCOUNT_KEY, account.accountKey())),
                    new UpdateOptions().upsert(true)));
        }
        PushOptions newestKept = new PushOptions().sortDocument(TimelineDocuments.newestFirst())
                .slice(TimelineEntry.KEPT);
        for (RecordedTouchpoints account : additions) {
            models.add(new UpdateOneModel<>(eq(TimelineDocuments.ID, account.id()),
                    Updates.pushEach(TimelineDocuments.ENTRIES, List.<Document>of(), newestKept)));
        }
        return timelines.bulkWrite(models, new BulkWriteOptions().ordered(true)).replaceWithVoid();
    }

    /** The account's timeline, newest first. */
    public Uni<List<TimelineEntry>> find(String tenantId, String accountKey) {
        return timelines.find(eq(TimelineDocuments.ID, TimelineDocuments.idOf(tenantId, accountKey)))
                .collect().first().map(TimelineDocuments::entriesOf);
    }
}
