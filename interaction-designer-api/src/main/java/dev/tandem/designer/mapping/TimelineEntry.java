package dev.tandem.designer.mapping;

import java.time.Instant;
import java.util.Comparator;

/** One touchpoint of an account's timeline: what happened, from which side, with whom (pseudonymous), when. */
public record TimelineEntry(String touchpointId, String type, String source, String direction, String contactKey,
        Instant occurredAt) {

    /** How many of an account's latest touchpoints its timeline keeps. */
    public static final int KEPT = 20;

    /** Newest first by event time, then by touchpoint id (as MongoDB sorts both descending: nulls last). */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TimelineEntry::touchpointId, Comparator.nullsLast(Comparator.reverseOrder()));
}
