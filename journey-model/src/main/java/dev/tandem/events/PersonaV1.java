package dev.tandem.events;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.persona.Persona;
import java.util.List;

/**
 * A tenant's persona as journey-state needs it, on {@link Topics#PERSONAS} (compacted, key {@code tenantId/role};
 * a tombstone when the persona is deleted): the job-title patterns that infer its role and the role's weight. The
 * designers' buyer insights stay in interaction-designer-api.
 *
 * @param titlePatterns case-insensitive regular expressions, matched as whole words
 * @param revision the persona's revision in interaction-designer-api; a consumer keeps the highest
 */
public record PersonaV1(
        String tenantId,
        CommitteeRole role,
        List<String> titlePatterns,
        double weight,
        int revision) {

    public PersonaV1 {
        titlePatterns = titlePatterns == null ? List.of() : List.copyOf(titlePatterns);
    }

    public static PersonaV1 of(String tenantId, Persona persona, int revision) {
        return new PersonaV1(tenantId, persona.role(), persona.titlePatterns().stream()
                .filter(p -> p != null && !p.isBlank()).toList(), persona.weightOrDefault(), revision);
    }

    public String key() {
        return EventKeys.account(tenantId, role.wireName());
    }

    /** The patterns as one alternation for {@code RoleInference#withPatterns}; null when there are none. */
    public String titleRegex() {
        return Persona.titleRegexOf(titlePatterns);
    }
}
