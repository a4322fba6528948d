package dev.tandem.model.journey;

import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What publishing a journey version requires beyond a valid definition ({@link JourneyDefinitionValidator}):
 * every role it names has a persona of the tenant, every touchpoint type an interaction point aims for is one the
 * tenant knows, and every stage can be reached. Each problem carries the JSON Pointer of its field in the
 * definition.
 */
public final class JourneyPublication {

    private JourneyPublication() {
    }

    /**
     * @param personas the roles the tenant has personas for
     * @param knownType the touchpoint types the tenant knows: the standard catalogue and its own
     */
    public static List<FieldError> problems(JourneyDefinition definition, Set<CommitteeRole> personas,
            Predicate<String> knownType) {
        List<FieldError> errors = new ArrayList<>(JourneyDefinitionValidator.validate(definition));
        if (definition == null) {
            return errors;
        }
        personas(errors, "/requiredRoles", definition.requiredRoles(), personas);
        for (int i = 0; i < definition.stages().size(); i++) {
            Stage stage = definition.stages().get(i);
            if (stage == null) {
                continue;
            }
            String at = "/stages/" + i;
            personas(errors, at + "/requiredRoles", stage.requiredRoles(), personas);
            for (int j = 0; j < stage.interactionPoints().size(); j++) {
                InteractionPoint point = stage.interactionPoints().get(j);
                if (point == null) {
                    continue;
                }
                String pointAt = at + "/interactionPoints/" + j;
                if (point.role() != null && !personas.contains(point.role())) {
                    errors.add(noPersona(pointAt + "/role", point.role()));
                }
                if (point.touchpointType() != null && TouchpointCatalog.isValidTypeName(point.touchpointType())
                        && !knownType.test(point.touchpointType())) {
                    errors.add(new FieldError(pointAt + "/touchpointType", "'" + point.touchpointType()
                            + "' is neither a standard touchpoint type nor one of the tenant's own"));
                }
            }
        }
        reachability(errors, definition.stages());
        return errors;
    }

    /**
     * The stage is the furthest whose criteria hold ({@link StageEvaluator}), so a stage whose criteria are always
     * false is never entered, and one after the first whose criteria are always true hides every stage before it.
     */
    private static void reachability(List<FieldError> errors, List<Stage> stages) {
        int lastAlwaysTrue = -1;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage == null) {
                continue;
            }
            Optional<Boolean> constant = EntryCriteria.constantValue(stage.entryCriteria());
            if (constant.isPresent() && !constant.get() && i > 0) {
                errors.add(new FieldError("/stages/" + i + "/entryCriteria", "is always false: no account can "
                        + "ever enter stage '" + stage.key() + "'"));
            }
            if (constant.isPresent() && constant.get() && i > 0) {
                lastAlwaysTrue = i;
            }
        }
        if (lastAlwaysTrue > 0) {
            List<String> hidden = stages.subList(0, lastAlwaysTrue).stream()
                    .map(s -> s == null ? "?" : "'" + s.key() + "'").toList();
            errors.add(new FieldError("/stages/" + lastAlwaysTrue + "/entryCriteria", "is always true, so every "
                    + "account is at least in this stage and " + String.join(", ", hidden)
                    + " before it can never be reached"));
        }
    }

    private static void personas(List<FieldError> errors, String at, List<CommitteeRole> roles,
            Set<CommitteeRole> personas) {
        for (int i = 0; i < roles.size(); i++) {
            CommitteeRole role = roles.get(i);
            if (role != null && !personas.contains(role)) {
                errors.add(noPersona(at + "/" + i, role));
            }
        }
    }

    private static FieldError noPersona(String at, CommitteeRole role) {
        return new FieldError(at, "the tenant has no persona " + role.wireName() + " (PUT /v1/personas/"
                + role.wireName() + " first)");
    }
}
