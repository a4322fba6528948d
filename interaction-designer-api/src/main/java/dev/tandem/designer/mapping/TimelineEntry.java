package dev.tandem.designer.mapping;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One touchpoint of an account's timeline: what happened, from which side, with whom (pseudonymous), when. */
public record TimelineEntry(String touchpointId, String type, String source, String direction, String contactKey,
        Instant occurredAt) {

    /** How many of an account's latest touchpoints its timeline keeps. */
    public static final int KEPT = 20;

    /** Newest first by event time, then by touchpoint id (as MongoDB sorts both descending: nulls last). */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TimelineEntry::touchpointId, Comparator.nullsLast(Comparator.reverseOrder()));

    /** The latest {@value #KEPT} of these, newest first, each touchpoint once (of two with one id, the later given). */
    public static List<TimelineEntry> latest(Collection<TimelineEntry> entries) {
        Map<String, TimelineEntry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.touchpointId(), entry));
        return byId.values().stream().sorted(NEWEST_FIRST).limit(KEPT).toList();
    }
}
