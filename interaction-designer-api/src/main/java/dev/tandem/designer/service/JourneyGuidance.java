package dev.tandem.designer.service;

import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.repository.JourneyVersionRepository;
import dev.tandem.designer.repository.PersonaRepository;
import dev.tandem.events.EventJson;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.NextInteractions;
import dev.tandem.model.journey.NextInteractions.Guidance;
import dev.tandem.model.persona.Persona;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seller guidance of an account ({@link NextInteractions}): its journey version's interaction points and the
 * tenant's personas, read from PostgreSQL. Published versions never change, so they are kept in memory once read
 * (the most recently used {@value #MAX_DEFINITIONS}); personas are re-read at most every
 * {@link #PERSONAS_FRESH_FOR} per tenant and at once on this instance after a change ({@link #forgetPersonas}).
 */
@ApplicationScoped
public class JourneyGuidance {

    static final int MAX_DEFINITIONS = 1000;
    static final Duration PERSONAS_FRESH_FOR = Duration.ofSeconds(5);
    private static final Guidance NONE = new Guidance(List.of(), List.of());

    private record CachedPersonas(Map<CommitteeRole, Persona> byRole, Instant readAt) {
    }

    private final JourneyVersionRepository versions;
    private final PersonaRepository personas;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, JourneyDefinition> definitions = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JourneyDefinition> eldest) {
                    return size() > MAX_DEFINITIONS;
                }
            });
    private final Map<String, CachedPersonas> personasByTenant = new ConcurrentHashMap<>();

    public JourneyGuidance(JourneyVersionRepository versions, PersonaRepository personas) {
        this.versions = versions;
        this.personas = personas;
    }

    /** The guidance for the account as of {@code view.asOf()}; none before the account has a journey. */
    public Uni<Guidance> of(String tenantId, ProjectedJourney stored, AccountJourney view) {
        if (stored.progress() == null || stored.progress().outcome() != null) {
            return Uni.createFrom().item(NONE);
        }
        double threshold = stored.momentumDecay() == null ? EngagementPolicy.defaults().engagedThreshold()
                : stored.momentumDecay().engagedThreshold();
        List<NextInteractions.MemberNow> members = view.committee().stream()
                .map(m -> new NextInteractions.MemberNow(m.contactKey(), m.role(), m.engagement(), m.lastEngagedAt()))
                .toList();
        return definition(tenantId, stored.progress().journeyId(), stored.progress().journeyVersion())
                .chain(definition -> definition == null ? Uni.createFrom().item(NONE)
                        : personasOf(tenantId).map(byRole -> NextInteractions.of(definition,
                                stored.progress().stageKey(), members, threshold, byRole, view.asOf())));
    }

    /** A persona of the tenant changed on this instance: the next read sees it. */
    public void forgetPersonas(String tenantId) {
        personasByTenant.remove(tenantId);
    }

    private Uni<JourneyDefinition> definition(String tenantId, String journeyId, int version) {
        if (DefaultJourney.JOURNEY_ID.equals(journeyId)) {
            return Uni.createFrom().item(DefaultJourney.definition(tenantId));
        }
        String key = tenantId + "/" + journeyId + "/" + version;
        JourneyDefinition cached = definitions.get(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        // a version put in force without this API (on the topic directly) has no row: no guidance, not an error
        return Panache.withSession(() -> versions.findOf(tenantId, journeyId, version)).map(row -> {
            if (row == null || "draft".equals(row.status)) {
                return null;
            }
            JourneyDefinition definition = EventJson.read(row.definition, JourneyDefinition.class);
            definitions.put(key, definition);
            return definition;
        });
    }

    private Uni<Map<CommitteeRole, Persona>> personasOf(String tenantId) {
        Instant now = clock.instant();
        CachedPersonas cached = personasByTenant.get(tenantId);
        if (cached != null && cached.readAt().plus(PERSONAS_FRESH_FOR).isAfter(now)) {
            return Uni.createFrom().item(cached.byRole());
        }
        return Panache.withSession(() -> personas.listOf(tenantId)).map(rows -> {
            Map<CommitteeRole, Persona> byRole = PersonaService.byRole(rows);
            personasByTenant.put(tenantId, new CachedPersonas(byRole, now));
            return byRole;
        });
    }
}
