package dev.tandem.model.persona;

import dev.tandem.events.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a persona before it is saved, answering every problem at once with the JSON Pointer of its field, as the
 * designer API answers them (400 problem+json).
 */
public final class PersonaValidator {

    public static final int MAX_TEXT = 500;
    public static final int MAX_ITEMS = 50;
    public static final double MAX_WEIGHT = 5.0;
    /** A channel is a short lowercase word, the first part of touchpoint types: {@code email}, {@code webinar}. */
    public static final Pattern CHANNEL = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    private PersonaValidator() {
    }

    public static List<FieldError> validate(Persona persona) {
        List<FieldError> errors = new ArrayList<>();
        if (persona == null) {
            errors.add(new FieldError("", "a persona is required"));
            return errors;
        }
        if (persona.role() == null) {
            errors.add(new FieldError("/role", "must name a committee role"));
        }
        text(errors, "/name", persona.name(), true);
        text(errors, "/description", persona.description(), false);
        if (persona.weight() != null && !(persona.weight() > 0 && persona.weight() <= MAX_WEIGHT)) {
            errors.add(new FieldError("/weight", "must be above 0 and at most " + MAX_WEIGHT + ", got "
                    + persona.weight()));
        }
        size(errors, "/titlePatterns", persona.titlePatterns());
        for (int i = 0; i < persona.titlePatterns().size(); i++) {
            String pattern = persona.titlePatterns().get(i);
            String at = "/titlePatterns/" + i;
            if (text(errors, at, pattern, true)) {
                try {
                    Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    errors.add(new FieldError(at, "is not a regular expression: " + e.getDescription()
                            + " near index " + e.getIndex()));
                }
            }
        }
        texts(errors, "/goals", persona.goals());
        size(errors, "/decisionCriteria", persona.decisionCriteria());
        Set<String> criteria = new HashSet<>();
        for (int i = 0; i < persona.decisionCriteria().size(); i++) {
            Persona.DecisionCriterion criterion = persona.decisionCriteria().get(i);
            String at = "/decisionCriteria/" + i;
            if (criterion == null) {
                errors.add(new FieldError(at, "must be a criterion, not null"));
                continue;
            }
            if (text(errors, at + "/criterion", criterion.criterion(), true)
                    && !criteria.add(criterion.criterion().strip().toLowerCase())) {
                errors.add(new FieldError(at + "/criterion", "duplicate criterion '" + criterion.criterion() + "'"));
            }
            if (criterion.weight() != null && !(criterion.weight() > 0 && criterion.weight() <= 1)) {
                errors.add(new FieldError(at + "/weight", "is a share of the decision, above 0 and at most 1, got "
                        + criterion.weight()));
            }
        }
        double shares = persona.decisionCriteria().stream()
                .filter(c -> c != null && c.weight() != null).mapToDouble(Persona.DecisionCriterion::weight).sum();
        if (shares > 1.0 + 1e-9) {
            errors.add(new FieldError("/decisionCriteria", "weights are shares of one decision and add up to "
                    + Math.round(shares * 100) / 100.0 + ", more than 1"));
        }
        size(errors, "/objections", persona.objections());
        for (int i = 0; i < persona.objections().size(); i++) {
            Persona.Objection objection = persona.objections().get(i);
            String at = "/objections/" + i;
            if (objection == null) {
                errors.add(new FieldError(at, "must be an objection, not null"));
                continue;
            }
            text(errors, at + "/raisedBy", objection.raisedBy(), false);
            text(errors, at + "/concern", objection.concern(), true);
        }
        texts(errors, "/stallPoints", persona.stallPoints());
        texts(errors, "/unblockingInformation", persona.unblockingInformation());
        size(errors, "/preferredChannels", persona.preferredChannels());
        for (int i = 0; i < persona.preferredChannels().size(); i++) {
            String channel = persona.preferredChannels().get(i);
            if (channel == null || !CHANNEL.matcher(channel).matches()) {
                errors.add(new FieldError("/preferredChannels/" + i, "must be a channel like email, webinar or "
                        + "meeting (lowercase letters, digits, _), got " + (channel == null ? "nothing" : "'"
                        + channel + "'")));
            }
        }
        return errors;
    }

    private static void texts(List<FieldError> errors, String at, List<String> values) {
        size(errors, at, values);
        for (int i = 0; i < values.size(); i++) {
            text(errors, at + "/" + i, values.get(i), true);
        }
    }

    private static void size(List<FieldError> errors, String at, List<?> values) {
        if (values.size() > MAX_ITEMS) {
            errors.add(new FieldError(at, "has " + values.size() + " items, at most " + MAX_ITEMS));
        }
    }

    /** True when the text is acceptable (and present). */
    private static boolean text(List<FieldError> errors, String at, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(at, "must not be blank"));
            }
            return false;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(at, "must be at most " + MAX_TEXT + " characters, got " + value.length()));
            return false;
        }
        return true;
    }
}
