package dev.tandem.model.journey;

import dev.tandem.events.FieldError;
import java.util.List;

/** A journey definition that cannot be used; {@link #errors()} says where and why. */
public final class InvalidJourneyDefinitionException extends IllegalArgumentException {

    private final transient List<FieldError> errors;

    public InvalidJourneyDefinitionException(List<FieldError> errors) {
        super("invalid journey definition: " + errors.stream().map(e -> e.field() + " " + e.message()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
