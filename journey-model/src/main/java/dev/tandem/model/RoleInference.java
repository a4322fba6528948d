package dev.tandem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Infers a committee role from a job title by ordered patterns: the first that matches wins, so the more
 * specific functions (legal, procurement) come before seniority. A title that matches nothing is an influencer.
 */
public final class RoleInference {

    /** One rule: titles matching {@code pattern} (case-insensitive, word-bounded) play {@code role}. */
    public record Rule(CommitteeRole role, Pattern pattern) {
        public static Rule of(CommitteeRole role, String regex) {
            return new Rule(role, Pattern.compile("\\b(" + regex + ")\\b", Pattern.CASE_INSENSITIVE));
        }
    }

    private static final RoleInference DEFAULT = new RoleInference(List.of(
            Rule.of(CommitteeRole.LEGAL_SECURITY,
                    "legal|counsel|attorney|lawyer|compliance|ciso|security|privacy|risk"),
            Rule.of(CommitteeRole.PROCUREMENT, "procurement|purchasing|sourcing|vendor management|buyer"),
            Rule.of(CommitteeRole.TECHNICAL_EVALUATOR,
                    "cto|cio|chief technology officer|chief information officer|architect|engineer|engineering"
                            + "|developer|devops|it|technical|infrastructure|data"),
            Rule.of(CommitteeRole.ECONOMIC_BUYER,
                    "ceo|cfo|coo|cro|cmo|chief|president|founder|owner|vp|svp|evp|vice president"
                            + "|general manager|managing director"),
            Rule.of(CommitteeRole.CHAMPION, "director|head"),
            Rule.of(CommitteeRole.END_USER,
                    "manager|lead|specialist|analyst|coordinator|associate|representative|administrator")));

    /** Distinct titles remembered per rule set before the memory starts over (titles repeat across contacts). */
    private static final int REMEMBERED_TITLES = 4096;

    private final List<Rule> rules;
    private final UnaryOperator<String> titleReader;
    private final Map<String, CommitteeRole> inferred = new ConcurrentHashMap<>();

    /** Reading plaintext titles only: a sealed one, with no vault to open it, infers nothing. */
    public RoleInference(List<Rule> rules) {
        this(rules, stored -> dev.tandem.pii.SealedPii.isSealed(stored) ? null : stored);
    }

    private RoleInference(List<Rule> rules, UnaryOperator<String> titleReader) {
        this.rules = List.copyOf(rules);
        this.titleReader = titleReader;
    }

    public static RoleInference defaults() {
        return DEFAULT;
    }

    /**
     * These rules with the patterns of some roles replaced (a role the rules lacked is appended, so it is tried
     * last). A pattern is a case-insensitive regular expression matched as whole words, e.g.
     * {@code "vp|head of finance"}.
     */
    public RoleInference withPatterns(Map<CommitteeRole, String> patterns) {
        List<Rule> merged = new ArrayList<>();
        for (Rule rule : rules) {
            String replacement = patterns.get(rule.role());
            merged.add(replacement == null ? rule : Rule.of(rule.role(), replacement));
        }
        patterns.forEach((role, regex) -> {
            if (merged.stream().noneMatch(rule -> rule.role() == role)) {
                merged.add(Rule.of(role, regex));
            }
        });
        return new RoleInference(merged, titleReader);
    }

    /**
     * These rules under a tenant's personas: the personas' patterns are tried first (in these rules' order of roles,
     * specific functions before seniority), then the rules of the roles that have no persona pattern. A persona's
     * patterns replace its role's standard ones, so a designer's "data lead is our champion" is not overridden by a
     * standard "data" for technical evaluators.
     */
    public RoleInference withPersonaPatterns(Map<CommitteeRole, String> patterns) {
        List<Rule> first = new ArrayList<>();
        List<Rule> rest = new ArrayList<>();
        java.util.Set<CommitteeRole> placed = java.util.EnumSet.noneOf(CommitteeRole.class);
        for (Rule rule : rules) {
            String persona = patterns.get(rule.role());
            if (persona == null) {
                rest.add(rule);
            } else if (placed.add(rule.role())) {
                first.add(Rule.of(rule.role(), persona));
            }
        }
        patterns.forEach((role, regex) -> {
            if (placed.add(role)) {
                first.add(Rule.of(role, regex));
            }
        });
        first.addAll(rest);
        return new RoleInference(first, titleReader);
    }

    /**
     * These rules, reading titles as they are stored on touchpoints through {@code reader}: sealed titles are
     * opened there, and an unreadable one (its contact erased) answers null.
     */
    public RoleInference withTitleReader(UnaryOperator<String> reader) {
        return new RoleInference(rules, reader);
    }

    /**
     * The role a touchpoint's stored title infers, or empty when it carries none or it can no longer be read (an
     * erased contact's title): then the member keeps the role it had.
     */
    public Optional<CommitteeRole> inferFromStored(String storedTitle) {
        if (storedTitle == null || storedTitle.isBlank()) {
            return Optional.empty();
        }
        String title = titleReader.apply(storedTitle);
        return title == null || title.isBlank() ? Optional.empty() : Optional.of(infer(title));
    }

    public CommitteeRole infer(String title) {
        if (title == null || title.isBlank()) {
            return CommitteeRole.INFLUENCER;
        }
        CommitteeRole known = inferred.get(title);
        if (known != null) {
            return known;
        }
        if (inferred.size() >= REMEMBERED_TITLES) {
            inferred.clear();
        }
        CommitteeRole role = match(title.toLowerCase(Locale.ROOT));
        inferred.put(title, role);
        return role;
    }

    private CommitteeRole match(String normalized) {
        return rules.stream()
                .filter(rule -> rule.pattern().matcher(normalized).find())
                .map(Rule::role)
                .findFirst()
                .orElse(CommitteeRole.INFLUENCER);
    }
}
