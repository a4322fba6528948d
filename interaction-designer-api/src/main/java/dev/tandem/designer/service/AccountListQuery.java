package dev.tandem.designer.service;

import dev.tandem.events.FieldError;
import dev.tandem.model.journey.Stage;
import dev.tandem.support.rest.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a tenant's accounts a seller lists, read from the raw query parameters. Each offending parameter is
 * named in the refusal, by its query-parameter name.
 *
 * @param stageKey only accounts currently in this stage; null for any
 * @param stalled only stalled ({@code true}) or only unstalled ({@code false}) accounts; null for both
 * @param limit at most this many accounts, 1..{@value #MAX_LIMIT}
 */
public record AccountListQuery(String stageKey, Boolean stalled, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static AccountListQuery parse(String stage, String stalled, String limit) {
        List<FieldError> errors = new ArrayList<>();
        if (stage != null && !Stage.KEY.matcher(stage).matches()) {
            errors.add(new FieldError("stage", "must be a stage key matching " + Stage.KEY.pattern()));
        }
        Boolean stalledOnly = null;
        if (stalled != null) {
            if ("true".equals(stalled)) {
                stalledOnly = true;
            } else if ("false".equals(stalled)) {
                stalledOnly = false;
            } else {
                errors.add(new FieldError("stalled", "must be true or false"));
            }
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            max = parseLimit(limit, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The account list query is not valid", errors);
        }
        return new AccountListQuery(stage, stalledOnly, max);
    }

    private static int parseLimit(String limit, List<FieldError> errors) {
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
