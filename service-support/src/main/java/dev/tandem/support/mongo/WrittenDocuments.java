package dev.tandem.support.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The documents this instance wrote last, by {@code _id}, so that the next batch of a guarded projection
 * ({@link GuardedDocuments}) reads from MongoDB only what it has not written lately: at 500 touchpoints/s one lookup
 * per account and batch was most of a projector's CPU (async-profiler; the driver's per-command work). Safe because
 * every write stays guarded: a document another writer (a rebuild catching up, another instance after a rebalance)
 * moved on since makes the write fail as a conflict, it is forgotten here and read again.
 *
 * <p>Bounded (Caffeine's size eviction: the least useful leave first) and thread-safe. Documents are kept as given and must not be
 * changed afterwards; with {@code fields}, only those of each document are kept (e.g. just the guard).
 */
public final class WrittenDocuments {

    private final Cache<Object, Document> byId;
    private final String[] fields;

    /**
     * @param capacity documents kept at most (0: none, every read goes to MongoDB)
     * @param fields   the fields kept of each written document besides {@code _id}; none: the whole document
     */
    public WrittenDocuments(int capacity, String... fields) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.fields = fields.clone();
        // evicts on the writing thread: no task for the common pool per write
        this.byId = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** The kept documents among these ids, by id. */
    public Map<String, Document> get(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (String id : ids) {
            Document document = byId.getIfPresent(id);
            if (document != null) {
                found.put(id, document);
            }
        }
        return found;
    }

    /** The document as it was just written (it carries its {@code _id}). */
    public void remember(Document written) {
        Object id = written.get(GuardedDocuments.ID);
        if (fields.length == 0) {
            byId.put(id, written);
            return;
        }
        Document kept = new Document(GuardedDocuments.ID, id);
        for (String field : fields) {
            if (written.containsKey(field)) {
                kept.append(field, written.get(field));
            }
        }
        byId.put(id, kept);
    }

    /** Forgets a document whose stored state is not known (a conflicting or failed write). */
    public void forget(Object id) {
        byId.invalidate(id);
    }
}
