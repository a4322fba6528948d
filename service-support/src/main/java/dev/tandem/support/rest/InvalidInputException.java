package dev.tandem.support.rest;

import dev.tandem.events.FieldError;
import java.util.List;

/** Input refused before anything was written or published; answered as 400 problem details. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
