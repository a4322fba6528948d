package dev.tandem.ingest.service;

/**
 * An {@code Idempotency-Key} that cannot be honoured: reused with another request (422), held by a request still in
 * flight (409), or its store unreachable (503). Nothing was processed or published.
 */
public class IdempotencyKeyException extends RuntimeException {

    public enum Kind {
        /** The key was first used with a different request. */
        REUSED,
        /** A request with the key has not been answered yet. */
        IN_FLIGHT,
        /** The key's store could not be read or written. */
        UNAVAILABLE
    }

    private final Kind kind;

    public IdempotencyKeyException(Kind kind, String detail) {
        this(kind, detail, null);
    }

    public IdempotencyKeyException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
