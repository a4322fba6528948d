package dev.tandem.launcher.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tandem.events.EventJson;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyPublication;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.persona.Persona;
import dev.tandem.model.persona.PersonaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example designs the README walks through are valid and publishable together. */
class ExampleDesignsTest {

    private static final Path EXAMPLES = RepositoryRoot.locate().resolve("docs/examples");

    @Test
    void thePersonasAreValidAndThePilotJourneyIsPublishableWithThem() throws Exception {
        Map<String, Persona> personas = EventJson.mapper().readValue(
                Files.readString(EXAMPLES.resolve("personas.json")), new TypeReference<>() { });
        Set<CommitteeRole> roles = EnumSet.noneOf(CommitteeRole.class);
        personas.forEach((role, persona) -> {
            CommitteeRole committeeRole = CommitteeRole.fromWireName(role).orElseThrow();
            assertThat(PersonaValidator.validate(persona.withRole(committeeRole))).as(role).isEmpty();
            roles.add(committeeRole);
        });
        JourneyDefinition pilot = EventJson.read(Files.readString(EXAMPLES.resolve("pilot-journey.json")),
                JourneyDefinition.class);
        JourneyDefinition asPublished = new JourneyDefinition("dev", pilot.journeyId(), 1, JourneyStatus.PUBLISHED,
                pilot.name(), pilot.halfLife(), pilot.requiredRoles(), pilot.stages());

        assertThat(JourneyPublication.problems(asPublished, roles, TouchpointCatalog.standardTypes()::contains))
                .isEmpty();
        roles.remove(CommitteeRole.ECONOMIC_BUYER);
        assertThat(JourneyPublication.problems(asPublished, roles, TouchpointCatalog.standardTypes()::contains))
                .isNotEmpty();
    }
}
