package dev.tandem.ingest.service;

/** The tenant's touchpoint bucket holds fewer tokens than the request carries; answered 429, nothing published. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the same request would fit, if the tenant sends nothing else meanwhile. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
