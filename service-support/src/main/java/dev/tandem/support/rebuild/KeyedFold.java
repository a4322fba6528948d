package dev.tandem.support.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * What a rebuild keeps per key between polls of the log, so that a document is written once per many records
 * instead of once per batch: each key's value is folded in memory ({@code merge}), and the whole fold is handed to
 * {@code flush} when it holds {@code capacity} keys and at the end. The flush must be correct whatever was written
 * before (guarded, idempotent writes), since a key may come back after a flush. Not thread-safe: one rebuild thread.
 */
public final class KeyedFold<T> {

    private final int capacity;
    private final BinaryOperator<T> merge;
    private final Consumer<List<T>> flush;
    private final Map<String, T> folded = new LinkedHashMap<>();
    private long flushes;

    /**
     * @param merge the value that stands for both, given the one folded so far and the newer one
     * @param flush writes the folded values (blocking; on the rebuild thread)
     */
    public KeyedFold(int capacity, BinaryOperator<T> merge, Consumer<List<T>> flush) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.merge = merge;
        this.flush = flush;
    }

    public void add(String key, T value) {
        folded.merge(key, value, merge);
        if (folded.size() >= capacity) {
            flush();
        }
    }

    /** Writes what is folded and starts over. */
    public void flush() {
        if (folded.isEmpty()) {
            return;
        }
        List<T> values = new ArrayList<>(folded.values());
        folded.clear();
        flush.accept(values);
        flushes++;
    }

    /** How many times the fold was written (for logs and tests). */
    public long flushes() {
        return flushes;
    }
}
