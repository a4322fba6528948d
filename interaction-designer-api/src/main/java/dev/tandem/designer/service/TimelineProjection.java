package dev.tandem.designer.service;

import dev.tandem.designer.mapping.RecordedTouchpoints;
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

    /** The batch's touchpoints by account ({@code tenant/account}); other journey events are not the timeline's. */
    public static Map<String, RecordedTouchpoints> recordedOf(List<JourneyEventV1> events) {
        Map<String, RecordedTouchpoints> byAccount = new LinkedHashMap<>();
        for (JourneyEventV1 event : events) {
            if (event.data() instanceof JourneyEventV1.TouchpointRecorded touchpoint) {
                RecordedTouchpoints one = new RecordedTouchpoints(event.tenantId(), event.accountKey(),
                        List.of(new TimelineEntry(touchpoint.touchpointId(), touchpoint.touchpointType(),
                        touchpoint.source() == null ? null : touchpoint.source().wireName(),
                        touchpoint.direction() == null ? null : touchpoint.direction().wireName(),
                        touchpoint.contactKey(), event.occurredAt())));
                byAccount.merge(one.id(), one, RecordedTouchpoints::and);
            }
        }
        return byAccount;
    }

    /** Adds each account's touchpoints to its stored timeline in one generation. */
    public Uni<Void> apply(Collection<RecordedTouchpoints> recorded, Generation generation) {
        return generation.timelines().add(List.copyOf(recorded));
    }
}
