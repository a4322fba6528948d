package dev.tandem.designer.repository;

import static com.mongodb.client.model.Filters.eq;

import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.support.mongo.GuardedDocuments;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * {@code account_timelines} of one generation ({@link ReadModelStore}): each account's latest touchpoints in one
 * document, read and written by id only. Each document carries a revision, and a write replaces it only at the
 * revision it was read at, because two writers may merge into one timeline at once (the live consumer and a
 * rebuild catching up): neither may lose the other's touchpoints.
 */
public class TimelineRepository {

    /** A stored timeline and the document it was read from (for the guarded write). */
    public record Stored(List<TimelineEntry> entries, Document read) {
    }

    /** An account's timeline as it is to be stored, and what was read before (null: nothing was stored). */
    public record Timeline(String tenantId, String accountKey, List<TimelineEntry> entries, Document read) {
    }

    private final ReactiveMongoCollection<Document> timelines;

    TimelineRepository(ReactiveMongoCollection<Document> timelines) {
        this.timelines = timelines;
    }

    Uni<Void> ensureIndexes() {
        return GuardedDocuments.ensureGuardIndex(timelines, TimelineDocuments.REVISION, "id_revision");
    }

    /** The stored timelines of these accounts (ids {@code tenant/account}), by id; absent ones are missing. */
    public Uni<Map<String, Stored>> findAll(Collection<String> ids) {
        return GuardedDocuments.findByIds(timelines, ids).map(found -> {
            Map<String, Stored> byId = new java.util.HashMap<>(found.size() * 2);
            found.forEach((id, document) -> byId.put(id, new Stored(TimelineDocuments.entriesOf(document),
                    document)));
            return byId;
        });
    }

    public Uni<List<TimelineEntry>> find(String tenantId, String accountKey) {
        return timelines.find(eq(TimelineDocuments.ID, TimelineDocuments.idOf(tenantId, accountKey)))
                .collect().first().map(TimelineDocuments::entriesOf);
    }

    /**
     * Replaces each timeline whole, in one unordered bulk write, where it is still at the revision read.
     *
     * @return the positions (in {@code changed}) of the timelines another writer changed since they were read
     */
    public Uni<Set<Integer>> replaceAll(List<Timeline> changed) {
        List<GuardedDocuments.Write> writes = new ArrayList<>(changed.size());
        for (Timeline timeline : changed) {
            writes.add(new GuardedDocuments.Write(TimelineDocuments.of(timeline.tenantId(), timeline.accountKey(),
                    timeline.entries(), TimelineDocuments.revisionOf(timeline.read()) + 1), timeline.read()));
        }
        return GuardedDocuments.replaceAll(timelines, TimelineDocuments.REVISION, writes);
    }
}
