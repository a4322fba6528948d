package dev.tandem.state.service;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.RoleInference;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.pii.PiiField;
import dev.tandem.support.vault.ContactKeyVault;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.StageEvaluatorCache;
import dev.tandem.state.config.StateConfig;
import dev.tandem.state.mapping.PublishedDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each tenant's accounts are measured against: its most recently published journey (from the global
 * definitions store), else the default journey. Compiled once per tenant and kept until the tenant's
 * definitions change: the definitions processor calls {@link #invalidate}.
 */
@ApplicationScoped
public class JourneyContexts {

    private final StageEvaluatorCache evaluators = new StageEvaluatorCache(256);
    private final RoleInference roles;
    private final Map<String, JourneyContext> byTenant = new ConcurrentHashMap<>();

    /**
     * Titles on touchpoints are sealed under the contact's data key: they are opened here, through the vault, at
     * the moment a role is inferred, and never stored opened. An erased contact's title infers nothing.
     */
    @Inject
    public JourneyContexts(StateConfig config, ContactKeyVault vault) {
        this(RoleInference.defaults().withPatterns(rolePatterns(config.rolePatterns()))
                .withTitleReader(stored -> vault.openBlocking(stored, PiiField.TITLE)));
    }

    /** With title patterns per role wire name (tests, tools): plaintext titles only. */
    public JourneyContexts(Map<String, String> rolePatterns) {
        this(RoleInference.defaults().withPatterns(rolePatterns(rolePatterns)));
    }

    private JourneyContexts(RoleInference roles) {
        this.roles = roles;
    }

    /** Configured patterns by role; an unknown role name stops the start-up, naming it. */
    static Map<CommitteeRole, String> rolePatterns(Map<String, String> configured) {
        Map<CommitteeRole, String> patterns = new EnumMap<>(CommitteeRole.class);
        configured.forEach((name, regex) -> patterns.put(CommitteeRole.fromWireName(name).orElseThrow(() ->
                new IllegalArgumentException("tandem.state.role-patterns." + name + ": no such committee role")),
                regex));
        return patterns;
    }

    /**
     * The tenant's journey, and its role inference: the title patterns of the tenant's personas first, then the
     * standard ones of the roles without a persona ({@link RoleInference#withPersonaPatterns}). {@code designs} (prefix scans of the global stores) is read only when the tenant is not cached.
     */
    public JourneyContext forTenant(String tenantId, TenantDesigns designs) {
        return byTenant.computeIfAbsent(tenantId, tenant -> {
            JourneyDefinition definition = designs.publishedOf(tenant).stream()
                    .max(Comparator.comparing(PublishedDefinition::publishedAt)
                            .thenComparing(p -> p.definition().version()))
                    .map(PublishedDefinition::definition)
                    .orElseGet(() -> DefaultJourney.definition(tenant));
            Map<CommitteeRole, String> personaPatterns = new EnumMap<>(CommitteeRole.class);
            designs.personasOf(tenant).stream().filter(p -> p.titleRegex() != null)
                    .forEach(p -> personaPatterns.put(p.role(), p.titleRegex()));
            RoleInference tenantRoles = personaPatterns.isEmpty() ? roles : roles.withPersonaPatterns(personaPatterns);
            return JourneyContext.of(definition, evaluators.evaluatorFor(definition), tenantRoles);
        });
    }

    /** The tenant's definitions or personas changed: its journey is looked up again at its next touchpoint. */
    public void invalidate(String tenantId) {
        byTenant.remove(tenantId);
    }
}
