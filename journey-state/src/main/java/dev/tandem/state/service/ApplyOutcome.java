package dev.tandem.state.service;

/** What applying one touchpoint did. */
public enum ApplyOutcome {
    /** State, processed id and outbox rows committed. */
    APPLIED,
    /** The touchpoint had been applied before: nothing changed. */
    DUPLICATE
}
