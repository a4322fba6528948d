package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageEvaluatorTest {

    private static final Duration TWO_WEEKS = Duration.ofDays(14);

    @Test
    void theFirstStageIsTakenWhenNoCriterionHolds() {
        StageEvaluator evaluator = StageEvaluator.compile(journey(1, "momentum >= 50", "momentum >= 80"));

        StageEvaluation evaluation = evaluator.evaluate(facts(10, Map.of()));

        assertThat(evaluation.stageKey()).isEqualTo("first");
        assertThat(evaluation.stageIndex()).isZero();
        assertThat(evaluation.journeyVersion()).isEqualTo(1);
        assertThat(evaluation.criteria()).containsExactly(CriterionResult.of("first", "momentum >= 50", false),
                CriterionResult.of("second", "momentum >= 80", false));
    }

    @Test
    void theFurthestStageWhoseCriteriaHoldWinsEvenIfAnEarlierOneDoesNot() {
        StageEvaluator evaluator = StageEvaluator.compile(journey(1, "momentum < 20", "momentum >= 80"));

        assertThat(evaluator.evaluate(facts(90, Map.of())).stageKey()).isEqualTo("second");
        assertThat(evaluator.evaluate(facts(10, Map.of())).stageKey()).isEqualTo("first");
    }

    @Test
    void catalogueTypesRolesAndSourcesReadAsZeroWhenAbsent() {
        StageEvaluator evaluator = StageEvaluator.compile(journey(1, "true",
                "typeCounts['meeting.held'] == 0 && roles['economic_buyer'] == 0.0 && sources['partner'] == 0"));

        assertThat(evaluator.evaluate(facts(0, Map.of())).stageKey()).isEqualTo("second");
    }

    @Test
    void aRuntimeErrorLeavesTheCriterionUnsatisfiedAndSaysWhy() {
        StageEvaluator evaluator = StageEvaluator.compile(journey(1, "true", "typeCounts['acme.workshop'] > 0"));

        StageEvaluation evaluation = evaluator.evaluate(facts(0, Map.of()));

        assertThat(evaluation.stageKey()).isEqualTo("first");
        assertThat(evaluation.criteria().get(1).satisfied()).isFalse();
        assertThat(evaluation.criteria().get(1).error()).contains("acme.workshop");
        assertThat(evaluator.evaluate(facts(0, Map.of("acme.workshop", 2L))).stageKey()).isEqualTo("second");
    }

    @Test
    void theCacheCompilesAVersionOnceAndRecompilesAnEditedDraft() {
        StageEvaluatorCache cache = new StageEvaluatorCache(2);
        JourneyDefinition v1 = journey(1, "true", "momentum >= 50");

        StageEvaluator first = cache.evaluatorFor(v1);

        assertThat(cache.evaluatorFor(journey(1, "true", "momentum >= 50"))).isSameAs(first);
        StageEvaluator edited = cache.evaluatorFor(journey(1, "true", "momentum >= 60"));
        assertThat(edited).isNotSameAs(first);
        assertThat(edited.evaluate(facts(55, Map.of())).stageKey()).isEqualTo("first");
        cache.evaluatorFor(journey(2, "true", "false"));
        cache.evaluatorFor(journey(3, "true", "false"));
        assertThat(cache.size()).isEqualTo(2);
    }

    private static JourneyDefinition journey(int version, String first, String second) {
        return new JourneyDefinition("t1", "j", version, JourneyStatus.DRAFT, "test", TWO_WEEKS,
                List.of(CommitteeRole.CHAMPION),
                List.of(new Stage("first", "First", null, first, TWO_WEEKS, List.of(), List.of()),
                        new Stage("second", "Second", null, second, TWO_WEEKS, List.of(), List.of())));
    }

    private static CommitteeFacts facts(int momentum, Map<String, Long> typeCounts) {
        return new CommitteeFacts(momentum, 0, List.copyOf(typeCounts.keySet()), typeCounts, 0, 0, List.of(),
                Map.of(), 0, 0, 0, Map.of());
    }
}
