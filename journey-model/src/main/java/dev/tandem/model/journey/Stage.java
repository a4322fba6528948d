package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stage of a journey map. Lists are copied but may hold nulls so that validation can point at them;
 * {@link JourneyDefinitionValidator} decides what is acceptable.
 *
 * @param key stable identifier, {@code ^[a-z][a-z0-9_]*$}; events and read models refer to it
 * @param entryCriteria a CEL expression over {@link CommitteeFacts} returning bool
 * @param stallAfter no meaningful touchpoint (or a required role quiet) for longer than this means a stall
 * @param requiredRoles roles that must engage in this stage; one of them silent is a stall
 * @param interactionPoints per persona, the touchpoint that moves it forward here
 */
public record Stage(
        String key,
        String name,
        String description,
        String entryCriteria,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration stallAfter,
        List<CommitteeRole> requiredRoles,
        List<InteractionPoint> interactionPoints) {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]*$");

    public Stage {
        requiredRoles = copyOf(requiredRoles);
        interactionPoints = copyOf(interactionPoints);
    }

    /** The interaction points for one role, in the designer's order. */
    public List<InteractionPoint> interactionPointsFor(CommitteeRole role) {
        return interactionPoints.stream().filter(Objects::nonNull).filter(p -> p.role() == role).toList();
    }

    static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
