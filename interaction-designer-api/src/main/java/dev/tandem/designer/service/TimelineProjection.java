package dev.tandem.designer.service;

import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.designer.mapping.TimelineEntry;
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
 * {@code TouchpointRecorded} journey events. A batch is merged into the stored timelines (read by id, written whole):
 * each account's events come from one partition and batches are handled one after the other, so nobody else
 * writes the account's timeline meanwhile. Merging by touchpoint id makes a replay or a duplicate change nothing.
 */
@ApplicationScoped
public class TimelineProjection {

    public static final int KEPT = 20;
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TimelineEntry::touchpointId, Comparator.nullsLast(Comparator.reverseOrder()));

    private final TimelineRepository timelines;

    public TimelineProjection(TimelineRepository timelines) {
        this.timelines = timelines;
    }

    /** Applies the batch's touchpoints; other journey events are not the timeline's. */
    public Uni<Void> apply(List<JourneyEventV1> events) {
        Map<String, List<JourneyEventV1>> byAccount = new LinkedHashMap<>();
        for (JourneyEventV1 event : events) {
            if (event.data() instanceof JourneyEventV1.TouchpointRecorded) {
                byAccount.computeIfAbsent(TimelineDocuments.idOf(event.tenantId(), event.accountKey()),
                        id -> new ArrayList<>()).add(event);
            }
        }
        if (byAccount.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return timelines.findAll(byAccount.keySet()).chain(stored -> {
            List<Timeline> changed = new ArrayList<>(byAccount.size());
            byAccount.forEach((id, recorded) -> {
                JourneyEventV1 first = recorded.get(0);
                changed.add(new Timeline(first.tenantId(), first.accountKey(),
                        merge(stored.getOrDefault(id, List.of()), recorded)));
            });
            return timelines.replaceAll(changed);
        });
    }

    static List<TimelineEntry> merge(List<TimelineEntry> stored, List<JourneyEventV1> recorded) {
        Map<String, TimelineEntry> byId = new LinkedHashMap<>();
        stored.forEach(entry -> byId.put(entry.touchpointId(), entry));
        for (JourneyEventV1 event : recorded) {
            JourneyEventV1.TouchpointRecorded touchpoint = (JourneyEventV1.TouchpointRecorded) event.data();
            byId.put(touchpoint.touchpointId(), new TimelineEntry(touchpoint.touchpointId(),
                    touchpoint.touchpointType(), touchpoint.source() == null ? null : touchpoint.source().wireName(),
                    touchpoint.direction() == null ? null : touchpoint.direction().wireName(),
                    touchpoint.contactKey(), event.occurredAt()));
        }
        return byId.values().stream().sorted(NEWEST_FIRST).limit(KEPT).toList();
    }
}
