package dev.tandem.designer.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One version of a journey map as the API answers it: the definition's fields at the top level (so a problem's
 * JSON Pointer, e.g. {@code /stages/1/entryCriteria}, points into this document and into the draft a designer
 * PUTs alike), its status and history, and for a draft what publishing it would refuse today.
 */
public record JourneyVersionView(
        String journeyId,
        int version,
        String status,
        String name,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration halfLife,
        List<CommitteeRole> requiredRoles,
        List<Stage> stages,
        int revision,
        Instant updatedAt,
        String updatedBy,
        Instant publishedAt,
        String publishedBy,
        List<FieldError> problems) {

    public static JourneyVersionView of(JourneyDefinition definition, String status, int revision, Instant updatedAt,
            String updatedBy, Instant publishedAt, String publishedBy, List<FieldError> problems) {
        return new JourneyVersionView(definition.journeyId(), definition.version(), status, definition.name(),
                definition.halfLife(), definition.requiredRoles(), definition.stages(), revision, updatedAt, updatedBy,
                publishedAt, publishedBy, problems);
    }

    public String etag() {
        return EntityTags.ofVersion(version, revision);
    }
}
