package dev.tandem.model.journey;

import dev.cel.runtime.CelVariableResolver;
import dev.tandem.events.FieldError;
import dev.tandem.model.journey.EntryCriteria.CompiledCriterion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places a committee in one journey version. Built once per version (CEL compilation is the expensive part;
 * {@link StageEvaluatorCache} keeps them), then evaluated cheaply for every change of an account.
 *
 * <p>The stage is the furthest one, in journey order, whose entry criteria hold; when none holds, the first.
 * Nothing is remembered between evaluations, so an account falls back (regresses) as soon as the facts stop
 * supporting its stage, e.g. when engagement decays, and the same facts always give the same stage.
 * Thread-safe.
 */
public final class StageEvaluator {

    private final JourneyDefinition definition;
    private final List<CompiledCriterion> criteria;

    private StageEvaluator(JourneyDefinition definition, List<CompiledCriterion> criteria) {
        this.definition = definition;
        this.criteria = criteria;
    }

    /** Validates and compiles a definition; an invalid one throws with every field error. */
    public static StageEvaluator compile(JourneyDefinition definition) {
        List<FieldError> errors = JourneyDefinitionValidator.validate(definition);
        if (!errors.isEmpty()) {
            throw new InvalidJourneyDefinitionException(errors);
        }
        List<CompiledCriterion> compiled = new ArrayList<>();
        for (Stage stage : definition.stages()) {
            compiled.add(EntryCriteria.compile(stage.entryCriteria()));
        }
        return new StageEvaluator(definition, List.copyOf(compiled));
    }

    public JourneyDefinition definition() {
        return definition;
    }

    /** The committee's stage with every stage's criterion result, in stage order. */
    public StageEvaluation evaluate(CommitteeFacts facts) {
        return evaluate(facts, new Recent());
    }

    /**
     * The same, taking again from {@code recent} (one account's previous evaluation) every criterion whose inputs
     * are unchanged: a criterion is a function of the few variables it reads (the types seen, the engaged roles, a
     * member count), which change far less often than the facts as a whole, and interpreting CEL is the largest
     * part of applying a touchpoint.
     */
    public StageEvaluation evaluate(CommitteeFacts facts, Recent recent) {
        if (recent.evaluator != this) {
            recent.evaluator = this;
            recent.inputs = new Object[criteria.size()][];
            recent.results = new CriterionResult[criteria.size()];
        }
        CelVariableResolver activation = facts.resolver();
        List<CriterionResult> results = new ArrayList<>(criteria.size());
        int furthest = 0;
        for (int i = 0; i < criteria.size(); i++) {
            CompiledCriterion criterion = criteria.get(i);
            Object[] inputs = criterion.inputs(facts);
            CriterionResult result = recent.results[i];
            if (result == null || !Arrays.equals(inputs, recent.inputs[i])) {
                result = criterion.evaluate(definition.stages().get(i).key(), activation);
                recent.inputs[i] = inputs;
                recent.results[i] = result;
            }
            results.add(result);
            if (result.satisfied()) {
                furthest = i;
            }
        }
        Stage stage = definition.stages().get(furthest);
        return new StageEvaluation(definition.journeyId(), definition.version(), stage.key(), stage.name(), furthest,
                results);
    }

    /** One account's last evaluation: what each criterion read and answered. Not thread-safe: one per account. */
    public static final class Recent {
        private StageEvaluator evaluator;
        private Object[][] inputs;
        private CriterionResult[] results;
    }
}
