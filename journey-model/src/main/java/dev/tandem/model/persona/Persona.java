package dev.tandem.model.persona;

import dev.tandem.model.CommitteeRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a tenant's designers know about one committee role: how much its voice weighs, which job titles play it,
 * and the buyer insights that interaction points cite (what this persona wants, on which criteria it decides, who
 * pushes back and why, where the conversation stalls and what unblocks it, how it likes to be reached).
 * One persona per role and tenant: the role is its identity, so the engine (which reasons in roles) and the
 * designer (who reasons in personas) mean the same thing. Lists are copied but may hold nulls, so that
 * {@link PersonaValidator} can point at them.
 *
 * @param weight how much this role counts in the committee, relative to 1.0 (0 &lt; weight &le; 5)
 * @param titlePatterns case-insensitive regular expressions matched as whole words against job titles
 *     (e.g. {@code "cfo|finance director"}); the first persona whose pattern matches gives the role
 */
public record Persona(
        CommitteeRole role,
        String name,
        String description,
        Double weight,
        List<String> titlePatterns,
        List<String> goals,
        List<DecisionCriterion> decisionCriteria,
        List<Objection> objections,
        List<String> stallPoints,
        List<String> unblockingInformation,
        List<String> preferredChannels) {

    /** One thing this persona weighs when it decides, e.g. "time to value", with its share of the decision. */
    public record DecisionCriterion(String criterion, Double weight) {
    }

    /** A typical objection: who raises it (a role, or someone outside the committee) and why. */
    public record Objection(String raisedBy, String concern) {
    }

    public Persona {
        titlePatterns = copyOf(titlePatterns);
        goals = copyOf(goals);
        decisionCriteria = copyOf(decisionCriteria);
        objections = copyOf(objections);
        stallPoints = copyOf(stallPoints);
        unblockingInformation = copyOf(unblockingInformation);
        preferredChannels = copyOf(preferredChannels);
    }

    /** The weight designers gave, or 1.0. */
    public double weightOrDefault() {
        return weight == null ? 1.0 : weight;
    }

    /** The title patterns as one alternation for {@code RoleInference#withPersonaPatterns}; null when none. */
    public String titleRegex() {
        return titleRegexOf(titlePatterns);
    }

    /** Patterns as one alternation, each a group of its own; blank ones left out; null when none is left. */
    public static String titleRegexOf(List<String> patterns) {
        List<String> kept = patterns.stream().filter(p -> p != null && !p.isBlank()).toList();
        return kept.isEmpty() ? null : String.join("|", kept.stream().map(p -> "(?:" + p + ")").toList());
    }

    /** This persona with another role (the role in a request's path wins over the body's). */
    public Persona withRole(CommitteeRole newRole) {
        return new Persona(newRole, name, description, weight, titlePatterns, goals, decisionCriteria, objections,
                stallPoints, unblockingInformation, preferredChannels);
    }

    private static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
