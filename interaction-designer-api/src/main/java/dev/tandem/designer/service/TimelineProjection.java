package dev.tandem.designer.service;

import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.designer.repository.ReadModelStore.Generation;
import dev.tandem.designer.repository.TimelineRepository;
import dev.tandem.designer.repository.TimelineRepository.Timeline;
import dev.tandem.events.JourneyEventV1;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each account's latest {@value #KEPT} touchpoints, newest first (by event time, then id), from the
 * {@code TouchpointRecorded} journey events. A batch is merged into the stored timelines (read by id, written whole
 * where still at the revision read; a timeline another writer changed meanwhile is read and merged again). Merging
 * by touchpoint id makes a replay or a duplicate change nothing, so the live consumer and a rebuild catching up may
 * both merge the same touchpoints.
 */
@ApplicationScoped
public class TimelineProjection {

    public static final int KEPT = 20;
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TimelineEntry::touchpointId, Comparator.nullsLast(Comparator.reverseOrder()));

    private final ReadModelStore store;

    public TimelineProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Applies the batch's touchpoints to the current generation; other journey events are not the timeline's. */
    public Uni<Void> apply(List<JourneyEventV1> events) {
        return store.current().chain(generation -> apply(events, generation));
    }

    /** Applies the batch's touchpoints to one generation (a rebuild's). */
    public Uni<Void> apply(List<JourneyEventV1> events, Generation generation) {
        return apply(recordedOf(events).values(), generation);
    }

    /** An account's touchpoints to merge into its stored timeline (at most {@value #KEPT}, newest first). */
    public record Recorded(String tenantId, String accountKey, List<TimelineEntry> entries) {

        /** The touchpoints of both, as one. */
        public Recorded and(Recorded more) {
            return new Recorded(tenantId, accountKey, merge(entries, more.entries()));
        }

        String id() {
            return TimelineDocuments.idOf(tenantId, accountKey);
        }
    }

    /** The batch's touchpoints by account ({@code tenant/account}); other journey events are not the timeline's. */
    public static Map<String, Recorded> recordedOf(List<JourneyEventV1> events) {
        Map<String, Recorded> byAccount = new LinkedHashMap<>();
        for (JourneyEventV1 event : events) {
            if (event.data() instanceof JourneyEventV1.TouchpointRecorded touchpoint) {
                Recorded one = new Recorded(event.tenantId(), event.accountKey(), List.of(new TimelineEntry(
                        touchpoint.touchpointId(), touchpoint.touchpointType(),
                        touchpoint.source() == null ? null : touchpoint.source().wireName(),
                        touchpoint.direction() == null ? null : touchpoint.direction().wireName(),
                        touchpoint.contactKey(), event.occurredAt())));
                byAccount.merge(one.id(), one, Recorded::and);
            }
        }
        return byAccount;
    }

    /**
     * Merges each account's touchpoints into its stored timeline in one generation: read by id, merged, written
     * where still at the revision read; a timeline another writer changed meanwhile is read and merged again.
     */
    public Uni<Void> apply(java.util.Collection<Recorded> recorded, Generation generation) {
        return merge(recorded, generation.timelines());
    }

    private static Uni<Void> merge(java.util.Collection<Recorded> recorded, TimelineRepository timelines) {
        if (recorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Recorded> accounts = List.copyOf(recorded);
        return timelines.findAll(accounts.stream().map(Recorded::id).toList()).chain(stored -> {
            List<Timeline> changed = new ArrayList<>(accounts.size());
            for (Recorded account : accounts) {
                TimelineRepository.Stored read = stored.get(account.id());
                changed.add(new Timeline(account.tenantId(), account.accountKey(),
                        merge(read == null ? List.of() : read.entries(), account.entries()),
                        read == null ? null : read.read()));
            }
            return timelines.replaceAll(changed).chain(conflicts ->
                    merge(conflicts.stream().map(accounts::get).toList(), timelines));
        });
    }

    /** The newest {@value #KEPT} of both, each touchpoint once. */
    static List<TimelineEntry> merge(List<TimelineEntry> stored, List<TimelineEntry> added) {
        Map<String, TimelineEntry> byId = new LinkedHashMap<>();
        stored.forEach(entry -> byId.put(entry.touchpointId(), entry));
        added.forEach(entry -> byId.put(entry.touchpointId(), entry));
        return byId.values().stream().sorted(NEWEST_FIRST).limit(KEPT).toList();
    }
}
