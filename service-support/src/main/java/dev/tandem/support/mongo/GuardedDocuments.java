package dev.tandem.support.mongo;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Projections;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Optimistic concurrency for projection documents, written once for every projector: documents are read by id,
 * the next state is computed, and each is written only if it still carries the guard value (a version, a revision,
 * a log offset) it was read with. A writer that lost the race learns which documents to read again.
 * <p>
 * Every filter is flat and exact ({@code {_id, guard}}) and backed by a unique index of exactly those keys: any
 * MongoDB answers it from the {@code _id} index, and the in-memory stand-in of tests and local runs, which only uses
 * an index whose keys equal the filter's and never for an operator such as {@code $lt} or {@code $in}, does too.
 * Reads are one lookup by {@code _id} each, a few in flight, for the same reason.
 */
public final class GuardedDocuments {

    private static final int LOOKUPS_IN_FLIGHT = 16;
    public static final String ID = "_id";

    private GuardedDocuments() {
    }

    /**
     * A document's next state and the guard value it was computed from.
     *
     * @param next the whole next document, with its {@code _id} and its new guard value
     * @param read the document as it was read (null: there was none, so the write inserts)
     */
    public record Write(Document next, Document read) {
    }

    /**
     * The unique index {@code {_id, guardField}} that backs the guarded filters (idempotent; the name must stay
     * what it was, MongoDB refuses the same keys under another name).
     */
    public static Uni<Void> ensureGuardIndex(ReactiveMongoCollection<Document> collection, String guardField,
            String indexName) {
        return collection.createIndex(Indexes.ascending(ID, guardField),
                new IndexOptions().name(indexName).unique(true)).replaceWithVoid();
    }

    /**
     * The stored documents with these ids, by id; absent ones are missing. With {@code fields}, only those (and
     * {@code _id}) are read: a guard needs its own field, not a large document decoded.
     */
    public static Uni<Map<String, Document>> findByIds(ReactiveMongoCollection<Document> collection,
            Collection<String> ids, String... fields) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(List.copyOf(ids))
                .onItem().transformToUni(id -> (fields.length == 0 ? collection.find(new Document(ID, id))
                        : collection.find(new FindOptions().filter(new Document(ID, id))
                                .projection(Projections.include(fields)))).collect().first())
                .merge(LOOKUPS_IN_FLIGHT)
                .filter(Objects::nonNull)
                .collect().asMap(document -> document.getString(ID));
    }

    /**
     * As {@link #findByIds(ReactiveMongoCollection, Collection, String...)}, but the documents this instance wrote
     * last come from {@code written} instead of MongoDB.
     */
    public static Uni<Map<String, Document>> findByIds(ReactiveMongoCollection<Document> collection,
            Collection<String> ids, WrittenDocuments written, String... fields) {
        Map<String, Document> kept = written.get(ids);
        if (kept.isEmpty()) {
            return findByIds(collection, ids, fields);
        }
        List<String> missing = ids.stream().filter(id -> !kept.containsKey(id)).toList();
        return findByIds(collection, missing, fields).map(found -> {
            Map<String, Document> all = new java.util.HashMap<>(found);
            all.putAll(kept);
            return all;
        });
    }

    /**
     * As {@link #replaceAll(ReactiveMongoCollection, String, List)}, and {@code written} learns what was written:
     * each applied write is remembered, each conflicting one forgotten, and all of them if the write failed.
     */
    public static Uni<Set<Integer>> replaceAll(ReactiveMongoCollection<Document> collection, String guardField,
            List<Write> writes, WrittenDocuments written) {
        return replaceAll(collection, guardField, writes)
                .onFailure().invoke(failure -> writes.forEach(write -> written.forget(write.next().get(ID))))
                .invoke(conflicts -> {
                    for (int i = 0; i < writes.size(); i++) {
                        Document next = writes.get(i).next();
                        if (conflicts.contains(i)) {
                            written.forget(next.get(ID));
                        } else {
                            written.remember(next);
                        }
                    }
                });
    }

    /**
     * Writes each next state with one unordered bulk write, only where the stored document still carries the guard
     * value it was read with: a new document is inserted, a stored one replaced under the flat filter
     * {@code {_id, guardField: read value}} as an upsert, so that a document another writer moved on makes that
     * write fail with a duplicate key (11000) instead of matching nothing unnoticed. A document read without the
     * guard field (written before it existed) is replaced by id alone, once. Any other error fails the whole write,
     * which may be retried as it is.
     *
     * @return the positions (in {@code writes}) of the documents another writer changed since they were read
     */
    public static Uni<Set<Integer>> replaceAll(ReactiveMongoCollection<Document> collection, String guardField,
            List<Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (Write write : writes) {
            Object id = write.next().get(ID);
            if (write.read() == null) {
                models.add(new InsertOneModel<>(write.next()));
            } else {
                Document stillAsRead = new Document(ID, id);
                Object guard = write.read().get(guardField);
                if (guard != null) {
                    stillAsRead.append(guardField, guard);
                }
                models.add(new ReplaceOneModel<>(stillAsRead, write.next(), new ReplaceOptions().upsert(true)));
            }
        }
        return collection.bulkWrite(models, new BulkWriteOptions().ordered(false))
                .map(result -> Set.<Integer>of())
                .onFailure(failure -> MongoErrors.duplicateKeysOnly(failure).isPresent())
                .recoverWithItem(failure -> MongoErrors.duplicateKeysOnly(failure).orElseThrow());
    }
}
