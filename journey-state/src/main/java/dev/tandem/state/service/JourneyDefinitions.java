package dev.tandem.state.service;

import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.MalformedEventException;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyDefinitionValidator;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.StageEvaluatorCache;
import java.util.List;

/**
 * Decides what a record of {@code tandem.journey-definitions.v1} does to the published journeys: a published
 * version replaces an older one of its journey, an archived version or a tombstone unpublishes it, a draft
 * changes nothing. Only a validated definition whose entry criteria compile is ever published, so the
 * touchpoint path never meets an unusable one.
 */
public final class JourneyDefinitions {

    /** What a definition record does. */
    public sealed interface Change {
    }

    /** Publish {@code definition} (the newest version of its journey wins). */
    public record Publish(JourneyDefinition definition) implements Change {
    }

    /** Unpublish the journey, up to {@code upToVersion} (null: every version, a tombstone). */
    public record Unpublish(String tenantId, String journeyId, Integer upToVersion) implements Change {
    }

    /** Nothing to do (a draft). */
    public record Ignore() implements Change {
    }

    private final StageEvaluatorCache compiled = new StageEvaluatorCache(16);

    /**
     * @param key {@code tenantId/journeyId}
     * @param json the definition, or null for a tombstone
     * @throws MalformedEventException for a record that can never be used
     */
    public Change changeOf(String key, String json) {
        String[] parts = key == null ? new String[0] : key.split("/", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new MalformedEventException("journey definition key must be tenantId/journeyId, got " + key);
        }
        if (json == null) {
            return new Unpublish(parts[0], parts[1], null);
        }
        JourneyDefinition definition = readValid(json);
        if (!definition.tenantId().equals(parts[0]) || !definition.journeyId().equals(parts[1])) {
            throw new MalformedEventException("journey definition " + definition.tenantId() + "/"
                    + definition.journeyId() + " arrived under the key " + key);
        }
        return switch (definition.status()) {
            case PUBLISHED -> new Publish(definition);
            case ARCHIVED -> new Unpublish(definition.tenantId(), definition.journeyId(), definition.version());
            case DRAFT -> new Ignore();
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
