package dev.tandem.state.service;

import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.MalformedEventException;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyDefinitionValidator;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.StageEvaluatorCache;
import dev.tandem.state.repository.JourneyDefinitionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the published journey definitions: a published version replaces an older one of its journey, an
 * archived version or a tombstone unpublishes it, a draft changes nothing. Anything stored has been validated
 * and compiled, so the touchpoint path never meets an unusable definition.
 */
@ApplicationScoped
public class JourneyDefinitionService {

    /** What a definition record did. */
    public enum Change { PUBLISHED, UNPUBLISHED, IGNORED }

    private final Mutiny.SessionFactory sessions;
    private final JourneyDefinitionRepository repository;
    private final Clock clock;
    // compiling proves the entry criteria usable; the small cache only spares a recompile of a redelivery
    private final StageEvaluatorCache compiled = new StageEvaluatorCache(16);

    public JourneyDefinitionService(Mutiny.SessionFactory sessions, JourneyDefinitionRepository repository,
            Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Applies one record of the definitions topic. {@code key} is {@code tenantId/journeyId}; a null
     * {@code json} is a tombstone. Throws {@link MalformedEventException} for a record that can never be used.
     */
    public Uni<Change> apply(String key, String json, Instant publishedAt) {
        String[] parts = key == null ? new String[0] : key.split("/", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new MalformedEventException("journey definition key must be tenantId/journeyId, got " + key);
        }
        if (json == null) {
            return sessions.withTransaction(session -> repository.unpublish(session, parts[0], parts[1], null))
                    .replaceWith(Change.UNPUBLISHED);
        }
        JourneyDefinition definition = readValid(json);
        if (!definition.tenantId().equals(parts[0]) || !definition.journeyId().equals(parts[1])) {
            throw new MalformedEventException("journey definition " + definition.tenantId() + "/"
                    + definition.journeyId() + " arrived under the key " + key);
        }
        Instant now = clock.instant();
        return switch (definition.status()) {
            case PUBLISHED -> sessions.withTransaction(session -> repository.upsertPublished(session,
                    definition.tenantId(), definition.journeyId(), definition.version(), EventJson.write(definition),
                    publishedAt == null ? now : publishedAt, now)).replaceWith(Change.PUBLISHED);
            case ARCHIVED -> sessions.withTransaction(session -> repository.unpublish(session,
                    definition.tenantId(), definition.journeyId(), definition.version()))
                    .replaceWith(Change.UNPUBLISHED);
            case DRAFT -> Uni.createFrom().item(Change.IGNORED);
        };
    }

    private JourneyDefinition readValid(String json) {
        JourneyDefinition definition = EventJson.read(json, JourneyDefinition.class);
        List<FieldError> errors = JourneyDefinitionValidator.validate(definition);
        if (!errors.isEmpty()) {
            throw new MalformedEventException("invalid journey definition: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).toList());
        }
        if (definition.status() == JourneyStatus.PUBLISHED) {
            try {
                compiled.evaluatorFor(definition);
            } catch (RuntimeException e) {
                throw new MalformedEventException("journey definition does not compile: " + e.getMessage());
            }
        }
        return definition;
    }
}
