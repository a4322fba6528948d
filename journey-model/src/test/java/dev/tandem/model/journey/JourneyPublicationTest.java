package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Publishing needs personas for every role named, known touchpoint types and reachable stages. */
class JourneyPublicationTest {

    private static final JourneyDefinition DEFAULT = DefaultJourney.definition("t1");
    private static final Set<CommitteeRole> ALL_PERSONAS = EnumSet.allOf(CommitteeRole.class);
    private static final Predicate<String> STANDARD = TouchpointCatalog.standardTypes()::contains;

    @Test
    void theDefaultJourneyIsPublishableWhenEveryRoleHasAPersona() {
        assertThat(JourneyPublication.problems(DEFAULT, ALL_PERSONAS, STANDARD)).isEmpty();
    }

    @Test
    void aRoleWithoutPersonaIsReportedWhereverItIsNamed() {
        Set<CommitteeRole> personas = EnumSet.allOf(CommitteeRole.class);
        personas.remove(CommitteeRole.END_USER);

        List<FieldError> errors = JourneyPublication.problems(DEFAULT, personas, STANDARD);

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.message())
                .isEqualTo("the tenant has no persona end_user (PUT /v1/personas/end_user first)"));
        assertThat(errors).extracting(FieldError::field).contains("/requiredRoles/3");
        for (FieldError error : errors) {
            assertThat(error.field()).matches("/requiredRoles/\\d|/stages/\\d/(requiredRoles/\\d|interactionPoints/\\d/role)");
        }
    }

    @Test
    void anUnknownTouchpointTypeIsRefusedUnlessTheTenantDeclaredIt() {
        JourneyDefinition custom = withCriteriaOrPoint(1, null, "podcast.listened");

        assertThat(JourneyPublication.problems(custom, ALL_PERSONAS, STANDARD))
                .containsExactly(new FieldError("/stages/1/interactionPoints/0/touchpointType",
                        "'podcast.listened' is neither a standard touchpoint type nor one of the tenant's own"));
        assertThat(JourneyPublication.problems(custom, ALL_PERSONAS,
                STANDARD.or("podcast.listened"::equals))).isEmpty();
    }

    @Test
    void aStageThatIsAlwaysFalseCanNeverBeEntered() {
        assertThat(JourneyPublication.problems(withCriteriaOrPoint(2, "1 > 2", null), ALL_PERSONAS, STANDARD))
                .containsExactly(new FieldError("/stages/2/entryCriteria",
                        "is always false: no account can ever enter stage 'requirements_building'"));
    }

    @Test
    void aLaterStageThatIsAlwaysTrueHidesTheStagesBeforeIt() {
        assertThat(JourneyPublication.problems(withCriteriaOrPoint(2, "true || momentum > 10", null), ALL_PERSONAS,
                STANDARD)).containsExactly(new FieldError("/stages/2/entryCriteria", "is always true, so every "
                + "account is at least in this stage and 'problem_identification', 'solution_exploration' before "
                + "it can never be reached"));
    }

    @Test
    void theFirstStageMayAlwaysHold() {
        assertThat(JourneyPublication.problems(withCriteriaOrPoint(0, "true", null), ALL_PERSONAS, STANDARD))
                .isEmpty();
    }

    @Test
    void constantFoldingOnlyDecidesWhatDoesNotDependOnTheFacts() {
        assertThat(EntryCriteria.constantValue("false")).contains(false);
        assertThat(EntryCriteria.constantValue("2 >= 1 && true")).contains(true);
        assertThat(EntryCriteria.constantValue("momentum >= 30")).isEmpty();
        assertThat(EntryCriteria.constantValue("momentun >= 30")).isEmpty();
    }

    private static JourneyDefinition withCriteriaOrPoint(int index, String criteria, String pointType) {
        List<Stage> stages = new ArrayList<>(DEFAULT.stages());
        Stage s = stages.get(index);
        List<InteractionPoint> points = new ArrayList<>(s.interactionPoints());
        if (pointType != null) {
            InteractionPoint first = points.get(0);
            points.set(0, new InteractionPoint(first.role(), pointType, first.owner(), first.unblocks()));
        }
        stages.set(index, new Stage(s.key(), s.name(), s.description(), criteria == null ? s.entryCriteria() : criteria,
                s.stallAfter(), s.requiredRoles(), points));
        return new JourneyDefinition(DEFAULT.tenantId(), DEFAULT.journeyId(), DEFAULT.version(), DEFAULT.status(),
                DEFAULT.name(), DEFAULT.halfLife(), DEFAULT.requiredRoles(), stages);
    }
}
