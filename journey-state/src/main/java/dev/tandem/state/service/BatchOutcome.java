package dev.tandem.state.service;

/** What applying one batch did: touchpoints applied, duplicates skipped, accounts changed, events emitted. */
public record BatchOutcome(int applied, int duplicates, int accounts, int journeyEvents) {
}
