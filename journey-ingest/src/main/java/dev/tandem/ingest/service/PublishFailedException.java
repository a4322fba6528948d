package dev.tandem.ingest.service;

/** The broker did not acknowledge in time; the caller should retry (resent event ids are deduplicated). */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(Throwable cause) {
        super("The touchpoint log did not acknowledge the touchpoints", cause);
    }
}
