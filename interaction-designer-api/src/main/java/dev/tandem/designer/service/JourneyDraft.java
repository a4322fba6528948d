package dev.tandem.designer.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.Stage;
import java.time.Duration;
import java.util.List;

/**
 * What a designer writes of a journey version: its name, momentum knobs and stages. The tenant, the journey id,
 * the version and the status are the API's to set. {@code journeyId} is read only when a journey is created.
 */
public record JourneyDraft(
        String journeyId,
        String name,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration halfLife,
        List<CommitteeRole> requiredRoles,
        List<Stage> stages) {

    public JourneyDefinition toDefinition(String tenantId, String journeyId, int version, JourneyStatus status) {
        return new JourneyDefinition(tenantId, journeyId, version, status, name, halfLife, requiredRoles, stages);
    }

    public static JourneyDraft of(JourneyDefinition definition) {
        return new JourneyDraft(definition.journeyId(), definition.name(), definition.halfLife(),
                definition.requiredRoles(), definition.stages());
    }
}
