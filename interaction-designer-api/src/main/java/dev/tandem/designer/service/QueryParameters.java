package dev.tandem.designer.service;

import dev.tandem.events.FieldError;
import java.util.List;

/** Reading numeric query parameters; each refusal names the parameter, as the 400 problem details answer it. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The whole number in {@code text} if it lies in {@code from..to}; otherwise an error for {@code parameter} is
     * added and {@code from} answered (the caller refuses the query once every parameter was read).
     */
    public static int whole(String text, String parameter, int from, int to, List<FieldError> errors) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= from && value <= to) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(parameter, "must be a whole number from " + from + " to " + to));
        return from;
    }
}
