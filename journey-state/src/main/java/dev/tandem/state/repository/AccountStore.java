package dev.tandem.state.repository;

import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import dev.tandem.state.mapping.AccountRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The accounts of one task: the {@code journey-accounts} store (the truth, changelogged) with the due-time
 * index, and in front of it the most recently used accounts as live aggregates, so an account's next
 * touchpoint does not parse its stored JSON again. The processor is the store's only writer, so a cached
 * aggregate equals the stored one; it is evicted whenever an attempt fails half-way, and the cache dies with
 * the processor (a task moved, restored or restarted starts from the store).
 */
public final class AccountStore {

    /** An account as loaded: its aggregate and the due time its index entry stands at. */
    public record Loaded(AccountJourney journey, Instant dueAt, boolean isNew) {
    }

    private final KeyValueStore<String, byte[]> accounts;
    private final KeyValueStore<String, byte[]> due;
    private final Map<String, Loaded> recent;

    public AccountStore(KeyValueStore<String, byte[]> accounts, KeyValueStore<String, byte[]> due, int cacheSize) {
        this.accounts = accounts;
        this.due = due;
        this.recent = new LinkedHashMap<>(Math.max(16, cacheSize), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** The account's aggregate, or a new one; {@code contextOf} gives the tenant's journey. */
    public Loaded load(String account, String tenantId, String accountKey, Function<String, JourneyContext> contextOf) {
        Loaded cached = recent.get(account);
        if (cached != null) {
            return cached;
        }
        byte[] stored = accounts.get(account);
        if (stored == null) {
            return new Loaded(AccountJourney.start(tenantId, accountKey, contextOf.apply(tenantId)), null, true);
        }
        AccountRecord record = AccountRecord.fromBytes(stored);
        return new Loaded(AccountJourney.restore(record.state(), contextOf.apply(tenantId)), record.dueAt(), false);
    }

    /** Stores the account as {@code journey} now is, due at {@code dueAt} (null: never), and moves its index entry. */
    public void save(String account, Loaded before, Instant dueAt) {
        AccountJourney journey = before.journey();
        accounts.put(account, new AccountRecord(journey.state(), dueAt).toBytes());
        Instant previous = before.dueAt();
        if (previous != null && !previous.equals(dueAt)) {
            due.delete(StoreKeys.due(previous, account));
        }
        if (dueAt != null && !dueAt.equals(previous)) {
            due.put(StoreKeys.due(dueAt, account), StoreKeys.PRESENT);
        }
        recent.put(account, new Loaded(journey, dueAt, false));
    }

    /** Forgets the live aggregate (it may be half-applied): the next load reads the store. */
    public void evict(String account) {
        recent.remove(account);
    }
}
