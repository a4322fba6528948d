package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stage's entry criterion evaluated against the committee: the "why" a seller reads.
 *
 * @param error why the expression could not be evaluated (then {@code satisfied} is false); null when it could
 */
public record CriterionResult(
        String stageKey,
        String expression,
        boolean satisfied,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    public static CriterionResult of(String stageKey, String expression, boolean satisfied) {
        return new CriterionResult(stageKey, expression, satisfied, null);
    }
}
