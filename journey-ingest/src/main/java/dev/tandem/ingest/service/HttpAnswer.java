package dev.tandem.ingest.service;

/**
 * An answer as sent, kept whole so that a request repeated with its {@code Idempotency-Key} gets it byte for byte.
 *
 * @param replayed true when this is a stored answer to an earlier request with the key
 */
public record HttpAnswer(int status, String contentType, String body, boolean replayed) {

    public static HttpAnswer of(int status, String contentType, String body) {
        return new HttpAnswer(status, contentType, body, false);
    }
}
