package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import dev.tandem.model.CommitteeRole;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journey types go on the wire as plain JSON with the same wire names as the event contracts. */
class JourneyJsonTest {

    @Test
    void aJourneyDefinitionRoundTripsWithWireNamesAndIsoDurations() {
        JourneyDefinition definition = DefaultJourney.definition("t1");

        String json = EventJson.write(definition);
        JourneyDefinition read = EventJson.read(json, JourneyDefinition.class);

        assertThat(read).isEqualTo(definition);
        assertThat(json).contains("\"status\":\"published\"", "\"halfLife\":\"PT336H\"", "\"stallAfter\":\"PT504H\"",
                "\"role\":\"economic_buyer\"", "\"owner\":\"sales\"");
        assertThat(EventJson.read(json.replace("\"PT336H\"", "\"P14D\""), JourneyDefinition.class).halfLife())
                .isEqualTo(definition.halfLife());
    }

    @Test
    void stallsAndCriterionResultsUseWireNamesAndOmitAMissingError() {
        Stall stall = new Stall("decision", "Decision", List.of(StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER),
                List.of(new InteractionPoint(CommitteeRole.ECONOMIC_BUYER, "meeting.held", InteractionOwner.SALES,
                        "business case review")),
                Instant.parse("2026-11-15T09:00:00Z"), "Economic buyer silent");

        String json = EventJson.write(stall);

        assertThat(json).contains("\"reasons\":[\"required_role_silent\"]", "\"silentRoles\":[\"economic_buyer\"]",
                "\"since\":\"2026-11-15T09:00:00Z\"");
        assertThat(EventJson.read(json, Stall.class)).isEqualTo(stall);
        assertThat(EventJson.write(CriterionResult.of("decision", "true", true))).doesNotContain("error");
    }
}
