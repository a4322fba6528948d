package dev.tandem.state.service;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import dev.tandem.state.mapping.OutboxRecords;
import dev.tandem.state.repository.AccountId;
import dev.tandem.state.repository.AccountStateEntity;
import java.time.Instant;
import java.util.List;

/** Loading an account's aggregate from its stored row and writing its new state and outbox rows back. */
final class AccountStates {

    private AccountStates() {
    }

    static AccountJourney load(AccountId id, AccountStateEntity stored, JourneyContext context) {
        return stored == null
                ? AccountJourney.start(id.tenantId(), id.accountKey(), context)
                : AccountJourney.restore(EventJson.read(stored.state, AccountSnapshotV1.class), context);
    }

    /**
     * Writes the aggregate's state into the row (a new row is added to {@code toPersist}; a managed one is
     * flushed at commit, its row version checked) and adds the outbox rows: the events in order, then one snapshot.
     */
    static void save(AccountId id, AccountStateEntity stored, AccountJourney journey, List<JourneyEventV1> events,
            Instant now, List<Object> toPersist) {
        AccountSnapshotV1 snapshot = journey.snapshot();
        String snapshotJson = EventJson.write(snapshot);
        toPersist.addAll(OutboxRecords.of(events, snapshot, snapshotJson, now));
        AccountStateEntity state = stored;
        if (state == null) {
            state = new AccountStateEntity();
            state.id = id;
            toPersist.add(state);
        }
        state.accountVersion = snapshot.accountVersion();
        state.momentum = snapshot.momentum();
        state.state = snapshotJson;
        state.updatedAt = now;
    }
}
