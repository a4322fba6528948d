package dev.tandem.designer.service;

import java.time.Instant;
import java.util.List;

/** A journey map and its versions, newest first. */
public record JourneySummary(
        String journeyId,
        String name,
        Integer publishedVersion,
        Integer draftVersion,
        Instant createdAt,
        String createdBy,
        Instant archivedAt,
        String archivedBy,
        List<VersionSummary> versions) {

    public record VersionSummary(int version, String status, Instant updatedAt, String updatedBy, Instant publishedAt) {
    }
}
