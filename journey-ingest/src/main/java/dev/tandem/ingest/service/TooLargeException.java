package dev.tandem.ingest.service;

import dev.tandem.events.FieldError;
import java.util.List;

/** A request or one of its touchpoints is larger than the service takes; answered 413, nothing published. */
public class TooLargeException extends RuntimeException {

    private final List<FieldError> errors;

    public TooLargeException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** What is too large, each named by JSON Pointer. */
    public List<FieldError> errors() {
        return errors;
    }
}
