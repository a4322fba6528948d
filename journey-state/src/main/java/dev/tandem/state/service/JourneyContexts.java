package dev.tandem.state.service;

import dev.tandem.events.EventJson;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.RoleInference;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.StageEvaluatorCache;
import dev.tandem.state.config.StateConfig;
import dev.tandem.state.repository.JourneyDefinitionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What each tenant's accounts are measured against: its latest published journey, else the default journey.
 * Read from the database in the caller's transaction (another replica may have stored a new version), but
 * parsed and compiled only when the stored JSON changed.
 */
@ApplicationScoped
public class JourneyContexts {

    private final JourneyDefinitionRepository definitions;
    private final StageEvaluatorCache evaluators = new StageEvaluatorCache(256);
    private final RoleInference roles;
    // keyed by the stored JSON: a new version (or an edited one) is a new key
    private final Map<String, JourneyContext> byJson = new ConcurrentHashMap<>();

    public JourneyContexts(JourneyDefinitionRepository definitions, StateConfig config) {
        this.definitions = definitions;
        this.roles = RoleInference.defaults().withPatterns(rolePatterns(config.rolePatterns()));
    }

    /** Configured patterns by role; an unknown role name stops the start-up, naming it. */
    static Map<CommitteeRole, String> rolePatterns(Map<String, String> configured) {
        Map<CommitteeRole, String> patterns = new java.util.EnumMap<>(CommitteeRole.class);
        configured.forEach((name, regex) -> patterns.put(CommitteeRole.fromWireName(name).orElseThrow(() ->
                new IllegalArgumentException("tandem.state.role-patterns." + name + ": no such committee role")),
                regex));
        return patterns;
    }

    public Uni<Map<String, JourneyContext>> forTenants(Mutiny.Session session, Collection<String> tenantIds) {
        return definitions.latestPublished(session, tenantIds).map(rows -> {
            Map<String, JourneyContext> contexts = new HashMap<>();
            for (String json : rows) {
                JourneyContext context = compiled(json);
                contexts.put(context.definition().tenantId(), context);
            }
            tenantIds.forEach(tenant -> contexts.computeIfAbsent(tenant, this::defaultJourney));
            return contexts;
        });
    }

    private JourneyContext defaultJourney(String tenantId) {
        JourneyDefinition definition = DefaultJourney.definition(tenantId);
        return JourneyContext.of(definition, evaluators.evaluatorFor(definition), roles);
    }

    private JourneyContext compiled(String json) {
        JourneyContext known = byJson.get(json);
        if (known != null) {
            return known;
        }
        if (byJson.size() >= 256) {
            byJson.clear();
        }
        JourneyContext context;
        try {
            JourneyDefinition parsed = EventJson.read(json, JourneyDefinition.class);
            context = JourneyContext.of(parsed, evaluators.evaluatorFor(parsed), roles);
        } catch (RuntimeException e) {
            // validated and compiled before it was stored: failing now is a bug or a damaged row, not the
            // touchpoints' fault; retried (and readiness DOWN) rather than dead-lettering good touchpoints
            throw new IllegalStateException("stored journey definition is unusable: " + e.getMessage(), e);
        }
        byJson.put(json, context);
        return context;
    }
}
