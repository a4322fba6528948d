package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each problem of a journey definition is reported at its field, as the designer API will answer it. */
class JourneyDefinitionValidatorTest {

    private static final JourneyDefinition DEFAULT = DefaultJourney.definition("t1");

    @Test
    void theDefaultJourneyIsValid() {
        assertThat(JourneyDefinitionValidator.validate(DEFAULT)).isEmpty();
    }

    @Test
    void aMisspeltVariableIsReportedAtItsStagesCriteriaWithASuggestion() {
        List<FieldError> errors = validate(withStage(2, s -> criteria(s, "momentun >= 30")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/stages/2/entryCriteria");
            assertThat(error.message()).isEqualTo(
                    "undeclared reference to 'momentun' at line 1, column 1 (did you mean 'momentum'?)");
        });
    }

    @Test
    void aNonBooleanExpressionIsRefused() {
        assertThat(validate(withStage(0, s -> criteria(s, "momentum + 1"))))
                .containsExactly(
                        new FieldError("/stages/0/entryCriteria", "must be a bool expression, but returns int"));
    }

    @Test
    void aTypeErrorAndASyntaxErrorAreRefused() {
        assertThat(validate(withStage(1, s -> criteria(s, "types > 3"))))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("/stages/1/entryCriteria");
                    assertThat(error.message()).contains("found no matching overload for '_>_'");
                });
        assertThat(validate(withStage(3, s -> criteria(s, "momentum >"))))
                .singleElement().extracting(FieldError::field).isEqualTo("/stages/3/entryCriteria");
        assertThat(validate(withStage(4, s -> criteria(s, " "))))
                .containsExactly(new FieldError("/stages/4/entryCriteria", "must not be blank"));
    }

    @Test
    void stageKeysMustBeWellFormedAndUnique() {
        JourneyDefinition duplicate = withStage(3, s -> new Stage("solution_exploration", s.name(), s.description(),
                s.entryCriteria(), s.stallAfter(), s.requiredRoles(), s.interactionPoints()));
        JourneyDefinition malformed = withStage(0, s -> new Stage("Problem-ID", s.name(), s.description(),
                s.entryCriteria(), s.stallAfter(), s.requiredRoles(), s.interactionPoints()));

        assertThat(validate(duplicate)).containsExactly(new FieldError("/stages/3/key",
                "duplicate stage key 'solution_exploration' (also /stages/1/key)"));
        assertThat(validate(malformed)).singleElement().extracting(FieldError::field).isEqualTo("/stages/0/key");
    }

    @Test
    void aJourneyNeedsAtLeastOneStage() {
        assertThat(validate(with(DEFAULT, List.of(), DEFAULT.halfLife(), DEFAULT.requiredRoles())))
                .containsExactly(new FieldError("/stages", "must have at least one stage"));
    }

    @Test
    void durationsMustBePositive() {
        List<FieldError> errors = validate(with(DEFAULT, withStage(1, s -> new Stage(s.key(), s.name(),
                s.description(), s.entryCriteria(), Duration.ZERO, s.requiredRoles(), s.interactionPoints())).stages(),
                Duration.ofDays(-1), DEFAULT.requiredRoles()));

        assertThat(errors).extracting(FieldError::field).containsExactly("/halfLife", "/stages/1/stallAfter");
    }

    @Test
    void theJourneyNeedsDistinctRequiredRolesForMomentumBreadth() {
        assertThat(validate(with(DEFAULT, DEFAULT.stages(), DEFAULT.halfLife(), List.of())))
                .extracting(FieldError::field).containsExactly("/requiredRoles");
        assertThat(validate(with(DEFAULT, DEFAULT.stages(), DEFAULT.halfLife(),
                List.of(CommitteeRole.CHAMPION, CommitteeRole.CHAMPION))))
                .containsExactly(new FieldError("/requiredRoles/1", "duplicate role champion"));
    }

    @Test
    void headerFieldsAreRequired() {
        JourneyDefinition blank = new JourneyDefinition(" ", null, 0, null, "", DEFAULT.halfLife(),
                DEFAULT.requiredRoles(), DEFAULT.stages());

        assertThat(validate(blank)).extracting(FieldError::field)
                .containsExactly("/tenantId", "/journeyId", "/name", "/version", "/status");
    }

    @Test
    void interactionPointsNeedARoleATouchpointTypeAnOwnerAndWhatUnblocks() {
        JourneyDefinition bad = withStage(6, s -> new Stage(s.key(), s.name(), s.description(), s.entryCriteria(),
                s.stallAfter(), s.requiredRoles(), List.of(s.interactionPoints().get(0),
                        new InteractionPoint(null, "Meeting", null, " "))));

        assertThat(validate(bad)).extracting(FieldError::field).containsExactly(
                "/stages/6/interactionPoints/1/role", "/stages/6/interactionPoints/1/touchpointType",
                "/stages/6/interactionPoints/1/owner", "/stages/6/interactionPoints/1/unblocks");
    }

    @Test
    void everyProblemIsReportedAtOnceAndTheEvaluatorRefusesAnInvalidDefinition() {
        JourneyDefinition bad = withStage(5, s -> new Stage(s.key(), " ", s.description(), "sources['sales'] > 'x'",
                null, s.requiredRoles(), s.interactionPoints()));

        assertThatThrownBy(() -> StageEvaluator.compile(bad))
                .isInstanceOfSatisfying(InvalidJourneyDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("/stages/5/name", "/stages/5/entryCriteria", "/stages/5/stallAfter"));
    }

    private static List<FieldError> validate(JourneyDefinition definition) {
        return JourneyDefinitionValidator.validate(definition);
    }

    private static Stage criteria(Stage stage, String expression) {
        return new Stage(stage.key(), stage.name(), stage.description(), expression, stage.stallAfter(),
                stage.requiredRoles(), stage.interactionPoints());
    }

    private static JourneyDefinition withStage(int index, UnaryOperator<Stage> change) {
        List<Stage> stages = new ArrayList<>(DEFAULT.stages());
        stages.set(index, change.apply(stages.get(index)));
        return with(DEFAULT, stages, DEFAULT.halfLife(), DEFAULT.requiredRoles());
    }

    private static JourneyDefinition with(JourneyDefinition d, List<Stage> stages, Duration halfLife,
            List<CommitteeRole> requiredRoles) {
        return new JourneyDefinition(d.tenantId(), d.journeyId(), d.version(), d.status(), d.name(), halfLife,
                requiredRoles, stages);
    }
}
