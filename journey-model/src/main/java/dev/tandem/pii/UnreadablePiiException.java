package dev.tandem.pii;

/** A sealed value that cannot be opened: altered, sealed for another field, or under another key. */
public class UnreadablePiiException extends RuntimeException {

    public UnreadablePiiException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadablePiiException(String message) {
        super(message);
    }
}
