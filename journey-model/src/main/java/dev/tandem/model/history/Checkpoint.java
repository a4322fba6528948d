package dev.tandem.model.history;

import dev.tandem.model.state.CanonicalAccount;

/** The canonical account after every history entry up to and including {@code position}. */
public record Checkpoint(HistoryPosition position, CanonicalAccount state) {
}
