package dev.tandem.designer.service;

import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.designer.repository.ReadModelStore.Generation;
import dev.tandem.designer.repository.TimelineRepository;
import dev.tandem.events.JourneyEventV1;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each account's latest {@value TimelineEntry#KEPT} touchpoints, newest first (by event time, then id), from the
 * {@code TouchpointRecorded} journey events. A batch's touchpoints are folded per account and added to the stored
 * timelines without reading them ({@link TimelineRepository#add}): a touchpoint already there, replayed or sent again,
 * is not added twice, so the live consumer and a rebuild catching up may both add the same touchpoints.
 */
@ApplicationScoped
public class TimelineProjection {

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

    /** An account's touchpoints to add to its stored timeline (at most {@value TimelineEntry#KEPT}, newest first). */
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

    /** Adds each account's touchpoints to its stored timeline in one generation. */
    public Uni<Void> apply(Collection<Recorded> recorded, Generation generation) {
        return generation.timelines().add(recorded.stream()
                .map(account -> new TimelineRepository.Additions(account.tenantId(), account.accountKey(),
                        account.entries()))
                .toList());
    }

    /** The newest {@value TimelineEntry#KEPT} of both, each touchpoint once. */
    static List<TimelineEntry> merge(List<TimelineEntry> stored, List<TimelineEntry> added) {
        Map<String, TimelineEntry> byId = new LinkedHashMap<>();
        stored.forEach(entry -> byId.put(entry.touchpointId(), entry));
        added.forEach(entry -> byId.put(entry.touchpointId(), entry));
        return byId.values().stream().sorted(TimelineEntry.NEWEST_FIRST).limit(TimelineEntry.KEPT).toList();
    }
}
