package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.persona.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a seller (or marketing) should do next on an account: the roles its journey needs that nobody engaged covers
 * ({@code missingRoles}), and for each of them, and for each required member who went silent, the interaction
 * points of the current stage that would move that persona, with why, citing what the designers recorded about the
 * persona. A pure function of the account as of {@code now}, the journey version and the tenant's personas.
 */
public final class NextInteractions {

    /** At most this many suggestions, the gaps first: a seller acts on a few, not on a catalogue. */
    public static final int MAX = 10;

    /** A committee member as of now. */
    public record MemberNow(String contactKey, CommitteeRole role, double engagement, Instant lastEngagedAt) {
    }

    /**
     * One suggestion.
     *
     * @param contactKey the silent member it is for; null when it is for a role nobody covers
     * @param why in plain words, naming the persona and the gap
     * @param insight what the designers recorded that this cites (what unblocks the persona, or where it stalls);
     *        null when the tenant has no persona insight for the role
     */
    public record Suggestion(CommitteeRole role, String contactKey, String touchpointType, InteractionOwner owner,
            String unblocks, String why, String insight) {
    }

    /** The guidance for one account. */
    public record Guidance(List<CommitteeRole> missingRoles, List<Suggestion> nextInteractions) {
        public Guidance {
            missingRoles = List.copyOf(missingRoles);
            nextInteractions = List.copyOf(nextInteractions);
        }
    }

    private NextInteractions() {
    }

    /**
     * @param journey the version the account is measured against
     * @param stageKey the account's current stage (null: the first)
     * @param engagedThreshold a member with at least this engagement covers their role
     * @param personas the tenant's personas by role (may be empty)
     */
    public static Guidance of(JourneyDefinition journey, String stageKey, List<MemberNow> members,
            double engagedThreshold, Map<CommitteeRole, Persona> personas, Instant now) {
        Stage stage = stageKey == null ? journey.firstStage() : journey.stage(stageKey).orElse(journey.firstStage());
        Set<CommitteeRole> required = new LinkedHashSet<>(stage.requiredRoles());
        required.addAll(journey.requiredRoles());
        required.remove(null);

        List<CommitteeRole> missing = new ArrayList<>();
        for (CommitteeRole role : required) {
            boolean covered = members.stream().anyMatch(m -> m.role() == role && m.engagement() >= engagedThreshold);
            if (!covered) {
                missing.add(role);
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (CommitteeRole role : missing) {
            Persona persona = personas.get(role);
            String who = nameOf(role, persona);
            for (InteractionPoint point : pointsFor(journey, stage, role)) {
                suggestions.add(new Suggestion(role, null, point.touchpointType(), point.owner(), point.unblocks(),
                        "No " + who + " is engaged, and " + stageName(stage) + " needs one", insight(persona)));
            }
        }
        Duration silence = stage.stallAfter();
        for (MemberNow member : members) {
            if (!required.contains(member.role()) || missing.contains(member.role()) || member.lastEngagedAt() == null
                    || silence == null || Duration.between(member.lastEngagedAt(), now).compareTo(silence) <= 0) {
                continue;
            }
            Persona persona = personas.get(member.role());
            long days = Duration.between(member.lastEngagedAt(), now).toDays();
            for (InteractionPoint point : pointsFor(journey, stage, member.role())) {
                suggestions.add(new Suggestion(member.role(), member.contactKey(), point.touchpointType(),
                        point.owner(), point.unblocks(), "The " + nameOf(member.role(), persona) + " has been silent "
                        + "for " + days + " days (" + stageName(stage) + " stalls after " + silence.toDays()
                        + ")", stallInsight(persona)));
            }
        }
        return new Guidance(missing, suggestions.size() > MAX ? suggestions.subList(0, MAX) : suggestions);
    }

    /** The current stage's points for the role; if it has none, those of the next stage that has some. */
    private static List<InteractionPoint> pointsFor(JourneyDefinition journey, Stage stage, CommitteeRole role) {
        int from = Math.max(0, journey.indexOf(stage.key()));
        for (int i = from; i < journey.stages().size(); i++) {
            Stage candidate = journey.stages().get(i);
            List<InteractionPoint> points = candidate == null ? List.of() : candidate.interactionPointsFor(role);
            if (!points.isEmpty()) {
                return points;
            }
        }
        return List.of();
    }

    private static String nameOf(CommitteeRole role, Persona persona) {
        String roleName = role.wireName().replace('_', ' ');
        return persona == null || persona.name() == null ? roleName : roleName + " (" + persona.name() + ")";
    }

    private static String stageName(Stage stage) {
        return stage.name() == null || stage.name().isBlank() ? stage.key() : stage.name();
    }

    private static String insight(Persona persona) {
        if (persona == null) {
            return null;
        }
        String unblocks = first(persona.unblockingInformation());
        if (unblocks != null) {
            return "What unblocks them: " + unblocks;
        }
        String goal = first(persona.goals());
        return goal == null ? null : "What they want: " + goal;
    }

    private static String stallInsight(Persona persona) {
        if (persona == null) {
            return null;
        }
        String stall = first(persona.stallPoints());
        return stall == null ? insight(persona) : "Where they stall: " + stall
                + (first(persona.unblockingInformation()) == null ? ""
                        : "; what unblocks them: " + first(persona.unblockingInformation()));
    }

    private static String first(List<String> values) {
        return values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank()).findFirst().orElse(null);
    }
}
