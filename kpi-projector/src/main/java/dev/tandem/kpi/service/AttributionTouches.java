package dev.tandem.kpi.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The touchpoints one account's conversions share credit among, by sequence number (0 for the first recorded).
 * Only this index travels with the account's KPI document; the touchpoints themselves are a journal beside it (one
 * small document each), appended once and read only when a conversion credits them, so a touchpoint costs the same
 * whatever the length of the account's history.
 *
 * <p>Kept: the first touchpoint and the latest {@link #MAX_TOUCHES}{@code - 1} (the {@link #retained} ones). A stage
 * advance credits those since the previous advance; a win credits all kept, with the touchpoint that caused the
 * latest stage entry as its milestone. After the close nothing more is credited, so the journal is emptied.
 *
 * <p>In memory the touchpoints {@link #known} are those appended since the account was read and those loaded for a
 * conversion; {@link #missing} says which to load before events are applied, {@link #changes} what to write after.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AttributionTouches {

    /** Journey touchpoints kept for attribution; beyond it the oldest but the first are dropped (and counted). */
    public static final int MAX_TOUCHES = 1_000;

    /** A journey touchpoint as attribution sees it. */
    public record Touch(String id, Instant at, TouchpointSource source, String channel, String campaign,
            String content) {
    }

    /**
     * What to write to the journal for one account.
     *
     * @param upserts the appended touchpoints still kept, by sequence number
     * @param deletes sequence numbers stored before that are no longer kept
     */
    public record Changes(Map<Long, Touch> upserts, List<Long> deletes) {

        public boolean isEmpty() {
            return upserts.isEmpty() && deletes.isEmpty();
        }
    }

    /** Touchpoints recorded so far: the next one's sequence number. */
    private long count;
    /** The first touchpoint of the current stage's window (the next stage advance credits from here). */
    private long windowStart;
    /** The touchpoint that caused the latest stage entry, or -1. */
    private long milestone = -1;
    /** The latest touchpoint's id (a stage entry it caused makes it the milestone). */
    private String lastTouchId;
    /** Closed: nothing more is credited and the journal is emptied. */
    private boolean closed;

    @JsonIgnore
    private transient NavigableMap<Long, Touch> known = new TreeMap<>();
    /** What the journal holds: {@link #count} and {@link #closed} as last read or written. */
    @JsonIgnore
    private transient long storedCount;
    @JsonIgnore
    private transient boolean storedClosed;

    /** After reading from JSON: the journal holds what this index says. */
    void readFromStore() {
        storedCount = count;
        storedClosed = closed;
        known = new TreeMap<>();
    }

    /**
     * The index of a list kept inline by an earlier version ({@code touches}: the first and the latest, at most
     * {@link #MAX_TOUCHES}); its touchpoints are in memory and not in the journal yet, so the next write moves them.
     */
    static AttributionTouches fromInline(List<Touch> touches, long dropped, int windowIndex, int milestoneIndex,
            boolean closed) {
        AttributionTouches index = new AttributionTouches();
        index.count = touches.size() + dropped;
        for (int i = 0; i < touches.size(); i++) {
            index.known.put(index.seqAt(i), touches.get(i));
        }
        index.windowStart = windowIndex >= touches.size() ? index.count : index.seqAt(Math.max(0, windowIndex));
        index.milestone = milestoneIndex < 0 || milestoneIndex >= touches.size() ? -1 : index.seqAt(milestoneIndex);
        index.lastTouchId = touches.isEmpty() ? null : touches.get(touches.size() - 1).id();
        index.closed = closed;
        if (closed) {
            index.windowStart = index.count;
        }
        return index;
    }

    /** The sequence number of the i-th kept touchpoint. */
    private long seqAt(int i) {
        return i == 0 || count <= MAX_TOUCHES ? i : count - MAX_TOUCHES + i;
    }

    /** The first sequence number kept after the first touchpoint. */
    private long firstKeptAfterFirst(long total) {
        return Math.max(1, total - MAX_TOUCHES + 1);
    }

    void add(Touch touch) {
        known.put(count, touch);
        count++;
        lastTouchId = touch.id();
        long dropped = count - MAX_TOUCHES;
        if (dropped >= 1) {
            known.remove(dropped);
        }
    }

    /** A stage was entered; caused by the latest touchpoint, that one is the next win's milestone. */
    void entered(Collection<String> causedBy) {
        if (count > 0 && lastTouchId != null && causedBy.contains(lastTouchId)) {
            milestone = count - 1;
        }
    }

    /** The touchpoints a stage advance credits now: those since the previous advance that are kept. */
    List<Touch> advanceWindow() {
        return touches(windowFrom(), count);
    }

    /** A stage advance happened: the next one credits what comes after. */
    void startWindow() {
        windowStart = count;
    }

    /** Every kept touchpoint, oldest first: what a win credits. */
    List<Touch> all() {
        List<Touch> all = new ArrayList<>();
        if (count > 0 && !closed) {
            all.add(touch(0));
            all.addAll(touches(firstKeptAfterFirst(count), count));
        }
        return all;
    }

    /** The milestone's position in {@link #all}, or -1 when it is no longer kept (or there is none). */
    int milestoneInAll() {
        if (milestone <= 0 || count <= MAX_TOUCHES) {
            return (int) milestone;
        }
        long first = firstKeptAfterFirst(count);
        return milestone >= first ? (int) (1 + milestone - first) : -1;
    }

    /** The journey closed: nothing more to credit. */
    void close() {
        closed = true;
        windowStart = count;
    }

    private long windowFrom() {
        return count > MAX_TOUCHES ? Math.max(windowStart, firstKeptAfterFirst(count)) : windowStart;
    }

    private List<Touch> touches(long from, long to) {
        List<Touch> touches = new ArrayList<>((int) Math.max(0, to - from));
        for (long seq = from; seq < to; seq++) {
            touches.add(touch(seq));
        }
        return touches;
    }

    private Touch touch(long seq) {
        Touch touch = known.get(seq);
        if (touch == null) {
            throw new IllegalStateException("Attribution touchpoint " + seq + " of " + count
                    + " was not loaded before the conversion that credits it");
        }
        return touch;
    }

    /**
     * The stored touchpoints a conversion among the coming events may credit and that are not in memory.
     *
     * @param mayWin whether a deal close is among the events (a win credits every kept touchpoint)
     */
    public List<Long> missing(boolean mayWin) {
        List<Long> missing = new ArrayList<>();
        if (closed) {
            return missing;
        }
        // a win reaches back to the first touchpoint; an advance only to its window's start
        long from = mayWin ? firstKeptAfterFirst(count) : windowFrom();
        if (mayWin && storedCount > 0 && !known.containsKey(0L)) {
            missing.add(0L);
        }
        for (long seq = from; seq < Math.min(count, storedCount); seq++) {
            if (!known.containsKey(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    /** Touchpoints read from the journal. */
    public void loaded(Map<Long, Touch> touches) {
        known.putAll(touches);
    }

    /** What the journal needs to hold this index: the appended touchpoints, minus those no longer kept. */
    public Changes changes() {
        Map<Long, Touch> upserts = new TreeMap<>();
        List<Long> deletes = new ArrayList<>();
        if (closed) {
            if (!storedClosed) {
                storedSeqs(storedCount, deletes);
            }
            return new Changes(upserts, deletes);
        }
        long keptFrom = firstKeptAfterFirst(count);
        known.tailMap(storedCount, true).forEach((seq, touch) -> {
            if (seq == 0 || seq >= keptFrom) {
                upserts.put(seq, touch);
            }
        });
        for (long seq = firstKeptAfterFirst(storedCount); seq < Math.min(storedCount, keptFrom); seq++) {
            deletes.add(seq);
        }
        return new Changes(upserts, deletes);
    }

    private static void storedSeqs(long stored, List<Long> into) {
        if (stored > 0) {
            into.add(0L);
        }
        for (long seq = Math.max(1, stored - MAX_TOUCHES + 1); seq < stored; seq++) {
            into.add(seq);
        }
    }

    /** The journal now holds what {@link #changes} said. */
    public void saved() {
        storedCount = count;
        storedClosed = closed;
    }

    public long count() {
        return count;
    }
}
