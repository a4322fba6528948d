package dev.tandem.model.journey;

import java.util.List;

/**
 * Where a committee stands in a journey version and why: every stage's criterion result, in stage order.
 *
 * @param stageIndex position of the stage in the definition (0 = first)
 */
public record StageEvaluation(
        String journeyId,
        int journeyVersion,
        String stageKey,
        String stageName,
        int stageIndex,
        List<CriterionResult> criteria) {

    public StageEvaluation {
        criteria = List.copyOf(criteria);
    }

    /** The result of the chosen stage's own criterion (false when no stage matched and the first was taken). */
    public CriterionResult criterionOfStage() {
        return criteria.get(stageIndex);
    }
}
