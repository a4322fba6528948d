package dev.tandem.model.history;

import dev.tandem.events.AccountSnapshotV1;

/** The canonical account after every history entry up to and including {@code position}. */
public record Checkpoint(HistoryPosition position, AccountSnapshotV1 state) {
}
