package dev.tandem.designer.mapping;

import java.time.Instant;

/** One touchpoint of an account's timeline: what happened, from which side, with whom (pseudonymous), when. */
public record TimelineEntry(String touchpointId, String type, String source, String direction, String contactKey,
        Instant occurredAt) {
}
