package dev.tandem.model.journey;

import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a journey definition before it is saved or published, answering every problem at once, each with
 * the JSON Pointer of its field (e.g. {@code /stages/2/entryCriteria}) so the designer API can answer 400
 * problem+json and the designer's editor can highlight the field.
 */
public final class JourneyDefinitionValidator {

    private JourneyDefinitionValidator() {
    }

    /** Every problem of the definition; empty when it is valid. */
    public static List<FieldError> validate(JourneyDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (definition == null) {
            errors.add(new FieldError("", "a journey definition is required"));
            return errors;
        }
        requireText(errors, "/tenantId", definition.tenantId());
        requireText(errors, "/journeyId", definition.journeyId());
        requireText(errors, "/name", definition.name());
        if (definition.version() < 1) {
            errors.add(new FieldError("/version", "must be at least 1"));
        }
        if (definition.status() == null) {
            errors.add(new FieldError("/status", "must be one of draft, published, archived"));
        }
        requirePositive(errors, "/halfLife", definition.halfLife());
        if (definition.requiredRoles().isEmpty()) {
            errors.add(new FieldError("/requiredRoles", "must name at least one role: momentum breadth needs it"));
        }
        checkRoles(errors, "/requiredRoles", definition.requiredRoles());
        if (definition.stages().isEmpty()) {
            errors.add(new FieldError("/stages", "must have at least one stage"));
        }
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        for (int i = 0; i < definition.stages().size(); i++) {
            Stage stage = definition.stages().get(i);
            String at = "/stages/" + i;
            if (stage == null) {
                errors.add(new FieldError(at, "must be a stage, not null"));
                continue;
            }
            checkStage(errors, at, stage);
            if (stage.key() != null) {
                Integer first = firstIndexOfKey.putIfAbsent(stage.key(), i);
                if (first != null) {
                    errors.add(new FieldError(at + "/key",
                            "duplicate stage key '" + stage.key() + "' (also /stages/" + first + "/key)"));
                }
            }
        }
        return errors;
    }

    private static void checkStage(List<FieldError> errors, String at, Stage stage) {
        if (stage.key() == null || !Stage.KEY.matcher(stage.key()).matches()) {
            errors.add(new FieldError(at + "/key", "must match " + Stage.KEY.pattern()
                    + " (lowercase letters, digits and _), got " + quoted(stage.key())));
        }
        requireText(errors, at + "/name", stage.name());
        for (String problem : EntryCriteria.problemsWith(stage.entryCriteria())) {
            errors.add(new FieldError(at + "/entryCriteria", problem));
        }
        requirePositive(errors, at + "/stallAfter", stage.stallAfter());
        checkRoles(errors, at + "/requiredRoles", stage.requiredRoles());
        for (int j = 0; j < stage.interactionPoints().size(); j++) {
            checkInteractionPoint(errors, at + "/interactionPoints/" + j, stage.interactionPoints().get(j));
        }
    }

    private static void checkInteractionPoint(List<FieldError> errors, String at, InteractionPoint point) {
        if (point == null) {
            errors.add(new FieldError(at, "must be an interaction point, not null"));
            return;
        }
        if (point.role() == null) {
            errors.add(new FieldError(at + "/role", "must name a committee role"));
        }
        if (!TouchpointCatalog.isValidTypeName(point.touchpointType())) {
            errors.add(new FieldError(at + "/touchpointType", "must be a dotted lowercase touchpoint type like"
                    + " meeting.held, got " + quoted(point.touchpointType())));
        }
        if (point.owner() == null) {
            errors.add(new FieldError(at + "/owner", "must be marketing or sales"));
        }
        requireText(errors, at + "/unblocks", point.unblocks());
    }

    private static void checkRoles(List<FieldError> errors, String at, List<CommitteeRole> roles) {
        Set<CommitteeRole> seen = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            CommitteeRole role = roles.get(i);
            if (role == null) {
                errors.add(new FieldError(at + "/" + i, "must name a committee role"));
            } else if (!seen.add(role)) {
                errors.add(new FieldError(at + "/" + i, "duplicate role " + role.wireName()));
            }
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }

    private static void requirePositive(List<FieldError> errors, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            errors.add(new FieldError(field, "must be a positive duration (e.g. P14D), got " + value));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
