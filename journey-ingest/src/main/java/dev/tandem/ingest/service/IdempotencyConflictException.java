package dev.tandem.ingest.service;

/**
 * An {@code Idempotency-Key} that cannot be honoured: reused with another request (422) or held by a request still
 * in flight (409). Nothing was processed or published.
 */
public class IdempotencyConflictException extends RuntimeException {

    public enum Kind {
        /** The key was first used with a different request. */
        REUSED,
        /** A request with the key has not been answered yet. */
        IN_FLIGHT
    }

    private final Kind kind;

    public IdempotencyConflictException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
