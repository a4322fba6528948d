package dev.tandem.model;

import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.StageEvaluator;
import dev.tandem.model.journey.StageEvaluatorCache;

/**
 * What an account's journey is measured against: the tenant's published journey definition with its compiled
 * entry criteria, the engagement policy it implies, and the role inference rules.
 */
public record JourneyContext(JourneyDefinition definition, StageEvaluator evaluator, EngagementPolicy policy,
        RoleInference roles) {

    // compiling CEL is the expensive part: one compiled default journey per tenant is plenty
    private static final StageEvaluatorCache DEFAULTS = new StageEvaluatorCache(256);

    public static JourneyContext of(JourneyDefinition definition, StageEvaluator evaluator, RoleInference roles) {
        return new JourneyContext(definition, evaluator, definition.engagementPolicy(EngagementPolicy.defaults()),
                roles);
    }

    /** The default B2B journey of {@link DefaultJourney}, for a tenant that has published none. */
    public static JourneyContext defaults(String tenantId) {
        JourneyDefinition definition = DefaultJourney.definition(tenantId);
        return of(definition, DEFAULTS.evaluatorFor(definition), RoleInference.defaults());
    }
}
