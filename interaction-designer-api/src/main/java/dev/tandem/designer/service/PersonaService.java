package dev.tandem.designer.service;

import dev.tandem.designer.messaging.DesignOutboxRelay;
import dev.tandem.designer.repository.DesignOutboxEntity;
import dev.tandem.designer.repository.DesignOutboxRepository;
import dev.tandem.designer.repository.PersonaEntity;
import dev.tandem.designer.repository.PersonaRepository;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.PersonaV1;
import dev.tandem.events.Topics;
import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.persona.Persona;
import dev.tandem.model.persona.PersonaValidator;
import dev.tandem.support.rest.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** A tenant's personas, one per committee role: read, written whole (with If-Match) and deleted by designers. */
@ApplicationScoped
public class PersonaService {

    private static final Logger LOG = Logger.getLogger(PersonaService.class);

    /** What a save did: the persona as stored, and whether it is new. */
    public record Saved(PersonaView view, boolean created) {
    }

    private final PersonaRepository personas;
    private final DesignOutboxRepository outbox;
    private final DesignOutboxRelay relay;
    private final JourneyGuidance guidance;
    private final Clock clock = Clock.systemUTC();

    public PersonaService(PersonaRepository personas, DesignOutboxRepository outbox, DesignOutboxRelay relay,
            JourneyGuidance guidance) {
        this.personas = personas;
        this.outbox = outbox;
        this.relay = relay;
        this.guidance = guidance;
    }

    public Uni<List<PersonaView>> list(String tenantId) {
        return Panache.withSession(() -> personas.listOf(tenantId))
                .map(found -> found.stream().map(PersonaService::view).toList());
    }

    public Uni<PersonaView> get(String tenantId, String roleName) {
        CommitteeRole role = roleOf(roleName);
        return Panache.withSession(() -> personas.findOf(tenantId, role.wireName()))
                .map(found -> view(required(found, role)));
    }

    /** The roles the tenant has personas for (what publishing a journey checks against); within a session. */
    public Uni<Set<CommitteeRole>> rolesOf(String tenantId) {
        return personas.listOf(tenantId).map(found -> {
            Set<CommitteeRole> roles = EnumSet.noneOf(CommitteeRole.class);
            roles.addAll(byRole(found).keySet());
            return roles;
        });
    }

    /** Stored persona rows by role, each with the role of its row. */
    static Map<CommitteeRole, Persona> byRole(List<PersonaEntity> rows) {
        Map<CommitteeRole, Persona> byRole = new EnumMap<>(CommitteeRole.class);
        rows.forEach(row -> CommitteeRole.fromWireName(row.role).ifPresent(role ->
                byRole.put(role, EventJson.read(row.body, Persona.class).withRole(role))));
        return byRole;
    }

    /** Creates or replaces the persona of a role; replacing needs the ETag it was based on. */
    public Uni<Saved> put(String tenantId, String roleName, Persona body, String ifMatch, String actor) {
        CommitteeRole role = roleOf(roleName);
        Persona persona = body == null ? null : body.withRole(role);
        List<FieldError> errors = PersonaValidator.validate(persona);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException("The persona is not valid", errors));
        }
        return Panache.withTransaction(() -> personas.findOf(tenantId, role.wireName()).flatMap(existing -> {
            if (existing == null) {
                EntityTags.checkAbsent(ifMatch);
                PersonaEntity created = new PersonaEntity();
                created.tenantId = tenantId;
                created.role = role.wireName();
                created.revision = 1;
                fill(created, persona, actor);
                return personas.persist(created).call(p -> outbox.persist(record(tenantId, role, persona, 1)))
                        .map(p -> new Saved(view(p), true));
            }
            EntityTags.check(ifMatch, EntityTags.ofPersona(existing.revision), true);
            existing.revision++;
            fill(existing, persona, actor);
            return outbox.persist(record(tenantId, role, persona, existing.revision))
                    .map(ignored -> new Saved(view(existing), false));
        })).invoke(saved -> LOG.infof("Persona %s of tenant %s %s (revision %d)", role.wireName(), tenantId,
                saved.created() ? "created" : "updated", saved.view().revision()))
                .invoke(() -> guidance.forgetPersonas(tenantId)).call(relay::sendCommitted);
    }

    public Uni<Void> delete(String tenantId, String roleName, String ifMatch) {
        CommitteeRole role = roleOf(roleName);
        return Panache.withTransaction(() -> personas.findOf(tenantId, role.wireName()).flatMap(existing -> {
            required(existing, role);
            EntityTags.check(ifMatch, EntityTags.ofPersona(existing.revision), false);
            return personas.delete(existing).chain(() -> outbox.persist(record(tenantId, role, null, 0)))
                    .replaceWithVoid();
        })).invoke(() -> LOG.infof("Persona %s of tenant %s deleted", role.wireName(), tenantId))
                .invoke(() -> guidance.forgetPersonas(tenantId)).call(relay::sendCommitted);
    }

    /** The persona's record for journey-state ({@link PersonaV1}), or its tombstone when {@code persona} is null. */
    private DesignOutboxEntity record(String tenantId, CommitteeRole role, Persona persona, int revision) {
        DesignOutboxEntity record = new DesignOutboxEntity();
        record.topic = Topics.PERSONAS;
        record.recordKey = EventKeys.account(tenantId, role.wireName());
        record.payload = persona == null ? null : EventJson.write(PersonaV1.of(tenantId, persona, revision));
        record.createdAt = now();
        return record;
    }

    private void fill(PersonaEntity entity, Persona persona, String actor) {
        entity.body = EventJson.write(persona);
        entity.updatedAt = now();
        entity.updatedBy = actor;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is answered must equal what is read back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PersonaEntity required(PersonaEntity entity, CommitteeRole role) {
        if (entity == null) {
            throw new NotFoundException("The tenant has no persona " + role.wireName());
        }
        return entity;
    }

    static CommitteeRole roleOf(String name) {
        return CommitteeRole.fromWireName(name).orElseThrow(() -> new NotFoundException("No committee role '" + name
                + "'; personas exist for " + Arrays.stream(CommitteeRole.values()).map(CommitteeRole::wireName)
                .toList()));
    }

    static PersonaView view(PersonaEntity entity) {
        return new PersonaView(EventJson.read(entity.body, Persona.class), entity.revision, entity.updatedAt,
                entity.updatedBy);
    }
}
