package dev.tandem.state.mapping;

import dev.tandem.events.EventJson;
import dev.tandem.model.state.AccountState;
import java.time.Instant;

/**
 * The value of the accounts store: the account's state and when the stall punctuator should visit it next
 * (kept here so the old due-index entry can be removed when it changes).
 */
public record AccountRecord(AccountState state, Instant dueAt) {

    /** The stored value: UTF-8 JSON. */
    public byte[] toBytes() {
        return EventJson.writeBytes(this);
    }

    public static AccountRecord fromBytes(byte[] json) {
        return EventJson.read(json, AccountRecord.class);
    }
}
