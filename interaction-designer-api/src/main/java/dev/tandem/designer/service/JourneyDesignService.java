package dev.tandem.designer.service;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.messaging.DesignOutboxRelay;
import dev.tandem.designer.repository.JourneyEntity;
import dev.tandem.designer.repository.DesignOutboxEntity;
import dev.tandem.designer.repository.DesignOutboxRepository;
import dev.tandem.designer.repository.JourneyRepository;
import dev.tandem.designer.repository.JourneyVersionEntity;
import dev.tandem.designer.repository.JourneyVersionRepository;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.FieldError;
import dev.tandem.events.Topics;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyPublication;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.support.rest.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Journey maps as designers build them: a journey is created with a first draft; a draft is edited (If-Match) until
 * it is published, which validates it against the tenant's personas and touchpoint types, freezes it, archives the
 * version it supersedes and, in the same transaction, writes the record that puts it in force on
 * {@code tandem.journey-definitions.v1} (the outbox; {@code DesignOutboxRelay} sends it). Archiving a journey
 * withdraws its published version the same way. Every change of a journey's versions first locks the journey row.
 */
@ApplicationScoped
public class JourneyDesignService {

    public static final Pattern JOURNEY_ID = Pattern.compile("^[a-z][a-z0-9_-]{0,63}$");
    public static final int MAX_PAGE = 200;
    private static final Logger LOG = Logger.getLogger(JourneyDesignService.class);
    private static final String DRAFT = JourneyStatus.DRAFT.wireName();
    private static final String PUBLISHED = JourneyStatus.PUBLISHED.wireName();
    private static final String ARCHIVED = JourneyStatus.ARCHIVED.wireName();

    private final JourneyRepository journeys;
    private final JourneyVersionRepository versions;
    private final DesignOutboxRepository outbox;
    private final PersonaService personas;
    private final DesignerConfig config;
    private final DesignOutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    public JourneyDesignService(JourneyRepository journeys, JourneyVersionRepository versions,
            DesignOutboxRepository outbox, PersonaService personas, DesignerConfig config, DesignOutboxRelay relay) {
        this.journeys = journeys;
        this.versions = versions;
        this.outbox = outbox;
        this.personas = personas;
        this.config = config;
        this.relay = relay;
    }

    /** Creates a journey with its first draft (version 1). */
    public Uni<JourneyVersionView> create(String tenantId, JourneyDraft draft, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String journeyId = draft == null ? null : draft.journeyId();
        if (journeyId == null || !JOURNEY_ID.matcher(journeyId).matches()) {
            errors.add(new FieldError("/journeyId", "must match " + JOURNEY_ID.pattern() + " (lowercase letters, "
                    + "digits, _ and -, at most 64), got " + (journeyId == null ? "nothing" : "'" + journeyId + "'")));
        }
        nameProblems(errors, draft);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException("The journey cannot be created", errors));
        }
        return Panache.withTransaction(() -> journeys.findOf(tenantId, journeyId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ClientErrorException("The tenant has a journey " + journeyId
                        + " already; open a new draft of it with POST /v1/journeys/" + journeyId + "/versions",
                        Response.Status.CONFLICT));
            }
            JourneyEntity journey = new JourneyEntity();
            journey.tenantId = tenantId;
            journey.journeyId = journeyId;
            journey.name = draft.name().strip();
            journey.createdAt = now();
            journey.createdBy = actor;
            JourneyVersionEntity first = newVersion(tenantId, journeyId, 1, draft, actor);
            return journeys.persist(journey).chain(() -> versions.persist(first)).chain(() -> viewOf(first));
        })).invoke(view -> LOG.infof("Journey %s of tenant %s created", journeyId, tenantId));
    }

    public Uni<JourneyPage> list(String tenantId, String cursor, int limit) {
        return Panache.withSession(() -> journeys.pageOf(tenantId, cursor, limit + 1).flatMap(page -> {
            List<JourneyEntity> shown = page.subList(0, Math.min(limit, page.size()));
            String next = page.size() > limit ? shown.get(shown.size() - 1).journeyId : null;
            return versions.versionsOf(tenantId, shown.stream().map(j -> j.journeyId).toList()).map(all -> {
                Map<String, List<JourneyVersionEntity>> byJourney = all.stream()
                        .collect(Collectors.groupingBy(v -> v.journeyId));
                return new JourneyPage(shown.stream()
                        .map(j -> summary(j, byJourney.getOrDefault(j.journeyId, List.of()))).toList(), next, limit);
            });
        }));
    }

    public Uni<JourneySummary> get(String tenantId, String journeyId) {
        return Panache.withSession(() -> journeys.findOf(tenantId, journeyId).flatMap(journey ->
                versions.versionsOf(tenantId, required(journey, journeyId).journeyId)
                        .map(all -> summary(journey, all))));
    }

    public Uni<JourneyVersionView> version(String tenantId, String journeyId, int version) {
        return Panache.withSession(() -> versions.findOf(tenantId, journeyId, version)
                .flatMap(found -> viewOf(requiredVersion(found, journeyId, version))));
    }

    /** Replaces a draft's content; needs the ETag it was based on. A published or archived version is frozen. */
    public Uni<JourneyVersionView> updateDraft(String tenantId, String journeyId, int version, JourneyDraft draft,
            String ifMatch, String actor) {
        List<FieldError> errors = new ArrayList<>();
        nameProblems(errors, draft);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInputException("The draft cannot be saved", errors));
        }
        return Panache.withTransaction(() -> journeys.lockOf(tenantId, journeyId).flatMap(journey -> {
            required(journey, journeyId);
            return versions.findOf(tenantId, journeyId, version).flatMap(found -> {
                JourneyVersionEntity entity = requiredVersion(found, journeyId, version);
                if (!DRAFT.equals(entity.status)) {
                    throw frozen(journeyId, entity);
                }
                EntityTags.check(ifMatch, EntityTags.ofVersion(entity.version, entity.revision), true);
                entity.definition = EventJson.write(draft.toDefinition(tenantId, journeyId, version,
                        JourneyStatus.DRAFT));
                entity.revision++;
                entity.updatedAt = now();
                entity.updatedBy = actor;
                journey.name = draft.name().strip();
                return viewOf(entity);
            });
        }));
    }

    /**
     * Opens the next version as a draft: the given content, or a copy of the newest version. A journey has at most
     * one draft.
     */
    public Uni<JourneyVersionView> openDraft(String tenantId, String journeyId, JourneyDraft content, String actor) {
        if (content != null) {
            List<FieldError> errors = new ArrayList<>();
            nameProblems(errors, content);
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInputException("The draft cannot be opened", errors));
            }
        }
        return Panache.withTransaction(() -> journeys.lockOf(tenantId, journeyId).flatMap(journey -> {
            required(journey, journeyId);
            return versions.versionsOf(tenantId, journeyId).flatMap(all -> {
                all.stream().filter(v -> DRAFT.equals(v.status)).findFirst().ifPresent(draft -> {
                    throw new ClientErrorException("Version " + draft.version + " of " + journeyId + " is a draft "
                            + "already; edit it with PUT /v1/journeys/" + journeyId + "/versions/" + draft.version,
                            Response.Status.CONFLICT);
                });
                JourneyDraft body = content != null ? content
                        : JourneyDraft.of(EventJson.read(all.get(0).definition, JourneyDefinition.class));
                JourneyVersionEntity next = newVersion(tenantId, journeyId, all.get(0).version + 1, body, actor);
                return versions.persist(next).chain(() -> viewOf(next));
            });
        }));
    }

    /**
     * Publishes the journey's draft: refused with every problem at its field unless it passes
     * {@link JourneyPublication}; otherwise frozen, the version it supersedes archived, and its record for
     * journey-state written to the outbox in the same transaction.
     */
    public Uni<JourneyVersionView> publish(String tenantId, String journeyId, String ifMatch, String actor) {
        return Panache.withTransaction(() -> journeys.lockOf(tenantId, journeyId).flatMap(journey -> {
            required(journey, journeyId);
            return versions.versionsOf(tenantId, journeyId).flatMap(all -> {
                JourneyVersionEntity draft = all.stream().filter(v -> DRAFT.equals(v.status)).findFirst()
                        .orElseThrow(() -> new ClientErrorException("Journey " + journeyId + " has no draft to "
                                + "publish; open one with POST /v1/journeys/" + journeyId + "/versions",
                                Response.Status.CONFLICT));
                EntityTags.check(ifMatch, EntityTags.ofVersion(draft.version, draft.revision), false);
                return personas.rolesOf(tenantId).flatMap(roles -> {
                    JourneyDefinition definition = EventJson.read(draft.definition, JourneyDefinition.class);
                    List<FieldError> problems = JourneyPublication.problems(definition, roles, knownTypes(tenantId));
                    if (!problems.isEmpty()) {
                        throw new InvalidInputException("Version " + draft.version + " of " + journeyId
                                + " cannot be published", problems);
                    }
                    Instant now = now();
                    List<JourneyVersionEntity> superseded = all.stream()
                            .filter(v -> PUBLISHED.equals(v.status)).toList();
                    superseded.forEach(v -> archive(v, now, actor));
                    JourneyDefinition published = definition.withStatus(JourneyStatus.PUBLISHED);
                    draft.status = PUBLISHED;
                    draft.definition = EventJson.write(published);
                    draft.publishedAt = now;
                    draft.publishedBy = actor;
                    journey.archivedAt = null;
                    journey.archivedBy = null;
                    // the superseded version leaves 'published' before the draft enters it (one published per journey)
                    return versions.flush().chain(() -> outbox.persist(outboxRecord(published, now)))
                            .chain(() -> viewOf(draft));
                });
            });
        })).invoke(view -> LOG.infof("Journey %s of tenant %s: version %d published", journeyId, tenantId,
                view.version())).call(relay::sendCommitted);
    }

    /** Withdraws the journey: its published version is archived and journey-state stops using it. */
    public Uni<JourneySummary> archive(String tenantId, String journeyId, String actor) {
        return Panache.withTransaction(() -> journeys.lockOf(tenantId, journeyId).flatMap(journey -> {
            required(journey, journeyId);
            return versions.versionsOf(tenantId, journeyId).flatMap(all -> {
                Instant now = now();
                if (journey.archivedAt == null) {
                    journey.archivedAt = now;
                    journey.archivedBy = actor;
                }
                Uni<Void> withdrawn = Uni.createFrom().voidItem();
                for (JourneyVersionEntity version : all) {
                    if (PUBLISHED.equals(version.status)) {
                        archive(version, now, actor);
                        JourneyDefinition archived = EventJson.read(version.definition, JourneyDefinition.class);
                        withdrawn = withdrawn.chain(() -> outbox.persist(outboxRecord(archived, now)).replaceWithVoid());
                    }
                }
                return withdrawn.map(ignored -> summary(journey, all));
            });
        })).invoke(summary -> LOG.infof("Journey %s of tenant %s archived", journeyId, tenantId)).call(relay::sendCommitted);
    }

    private void archive(JourneyVersionEntity version, Instant now, String actor) {
        JourneyDefinition definition = EventJson.read(version.definition, JourneyDefinition.class);
        version.status = ARCHIVED;
        version.definition = EventJson.write(definition.withStatus(JourneyStatus.ARCHIVED));
        version.updatedAt = now;
        version.updatedBy = actor;
    }

    private static DesignOutboxEntity outboxRecord(JourneyDefinition definition, Instant now) {
        DesignOutboxEntity record = new DesignOutboxEntity();
        record.topic = Topics.JOURNEY_DEFINITIONS;
        record.recordKey = EventKeys.account(definition.tenantId(), definition.journeyId());
        record.payload = EventJson.write(definition);
        record.createdAt = now;
        return record;
    }

    private Uni<JourneyVersionView> viewOf(JourneyVersionEntity entity) {
        JourneyDefinition definition = EventJson.read(entity.definition, JourneyDefinition.class);
        if (!DRAFT.equals(entity.status)) {
            return Uni.createFrom().item(view(entity, definition, List.of()));
        }
        return personas.rolesOf(entity.tenantId).map(roles -> view(entity, definition,
                JourneyPublication.problems(definition, roles, knownTypes(entity.tenantId))));
    }

    private static JourneyVersionView view(JourneyVersionEntity entity, JourneyDefinition definition,
            List<FieldError> problems) {
        return JourneyVersionView.of(definition, entity.status, entity.revision, entity.updatedAt, entity.updatedBy,
                entity.publishedAt, entity.publishedBy, problems);
    }

    private Predicate<String> knownTypes(String tenantId) {
        DesignerConfig.Tenant tenant = config.tenants().get(tenantId);
        Set<String> own = tenant == null ? Set.of() : Set.copyOf(tenant.touchpointTypes().orElse(List.of()));
        return type -> TouchpointCatalog.standard(type).isPresent() || own.contains(type);
    }

    private JourneyVersionEntity newVersion(String tenantId, String journeyId, int version, JourneyDraft draft,
            String actor) {
        JourneyVersionEntity entity = new JourneyVersionEntity();
        entity.tenantId = tenantId;
        entity.journeyId = journeyId;
        entity.version = version;
        entity.status = DRAFT;
        entity.definition = EventJson.write(draft.toDefinition(tenantId, journeyId, version, JourneyStatus.DRAFT));
        entity.revision = 1;
        entity.updatedAt = now();
        entity.updatedBy = actor;
        return entity;
    }

    private static JourneySummary summary(JourneyEntity journey, List<JourneyVersionEntity> all) {
        Integer published = all.stream().filter(v -> PUBLISHED.equals(v.status)).map(v -> v.version).findFirst()
                .orElse(null);
        Integer draft = all.stream().filter(v -> DRAFT.equals(v.status)).map(v -> v.version).findFirst().orElse(null);
        return new JourneySummary(journey.journeyId, journey.name, published, draft, journey.createdAt,
                journey.createdBy, journey.archivedAt, journey.archivedBy, all.stream()
                .map(v -> new JourneySummary.VersionSummary(v.version, v.status, v.updatedAt, v.updatedBy,
                        v.publishedAt)).toList());
    }

    private static void nameProblems(List<FieldError> errors, JourneyDraft draft) {
        if (draft == null || draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            errors.add(new FieldError("/name", "must be 1 to 200 characters"));
        }
    }

    private static ClientErrorException frozen(String journeyId, JourneyVersionEntity version) {
        return new ClientErrorException("Version " + version.version + " of " + journeyId + " is " + version.status
                + " and frozen; open a new draft with POST /v1/journeys/" + journeyId + "/versions",
                Response.Status.CONFLICT);
    }

    private static JourneyEntity required(JourneyEntity journey, String journeyId) {
        if (journey == null) {
            throw new NotFoundException("The tenant has no journey " + journeyId);
        }
        return journey;
    }

    private static JourneyVersionEntity requiredVersion(JourneyVersionEntity version, String journeyId, int number) {
        if (version == null) {
            throw new NotFoundException("Journey " + journeyId + " has no version " + number);
        }
        return version;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is answered must equal what is read back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
