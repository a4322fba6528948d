package dev.tandem.state.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.JourneyEngine;
import dev.tandem.state.repository.AccountStore;
import dev.tandem.state.repository.DesignStores;
import dev.tandem.state.repository.StateStores;
import dev.tandem.state.repository.StoreAccountHistory;
import dev.tandem.state.repository.StoreKeys;
import dev.tandem.state.service.JourneyContexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * The per-account heart of journey-state. For each touchpoint record (key {@code tenant/account}):
 * <ul>
 *   <li>unreadable or incomplete: to the dead-letter topic with the reason, and the partition goes on;</li>
 *   <li>after the account's clock: applied at once by the {@link JourneyEngine}, its journey events forwarded;</li>
 *   <li>late (or the account already has late ones waiting): parked in the pending store; a wall-clock
 *       punctuator every {@code lateness.grace} folds each account's waiting touchpoints into one engine call,
 *       that is one replay from a checkpoint;</li>
 *   <li>failing in the engine: retried {@code lateness.attempts} times from the stored state, then (one by one
 *       if it was a batch) dead-lettered; a failed attempt changes no store (the engine commits its history
 *       only on success, the account is written only after).</li>
 * </ul>
 * Snapshots are coalesced: a changed account is marked in the dirty store and a wall-clock punctuator every
 * {@code snapshots.interval} publishes one snapshot per changed account (while catching up a backlog, at most
 * every {@code snapshots.catch-up-interval}). A third punctuator visits only the
 * accounts whose due time passed (the due index) and derives their stalls at wall time, never touching
 * canonical history. Everything runs on the stream thread, never on an event loop; under exactly-once the
 * stores, outputs and input offsets commit in one transaction.
 */
final class TouchpointProcessor implements Processor<String, byte[], String, byte[]> {

    static final String EVENTS_SINK = "journey-events-sink";
    static final String SNAPSHOTS_SINK = "account-snapshots-sink";
    static final String DEAD_LETTER_SINK = "dead-letters-sink";

    private static final Logger LOG = Logger.getLogger(TouchpointProcessor.class);
    private static final TypeReference<List<TouchpointV1>> TOUCHPOINTS = new TypeReference<>() {
    };

    private final TopologySettings settings;
    private final JourneyContexts contexts;
    private final StateMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private AccountStore accounts;
    private KeyValueStore<String, byte[]> history;
    private KeyValueStore<String, byte[]> checkpoints;
    private KeyValueStore<String, byte[]> ids;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<String, byte[]> due;
    private KeyValueStore<String, byte[]> dirty;
    private DesignStores designs;
    private SnapshotPacing snapshotPacing;

    TouchpointProcessor(TopologySettings settings, JourneyContexts contexts, StateMetrics metrics) {
        this.settings = settings;
        this.contexts = contexts;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        due = context.getStateStore(StateStores.DUE);
        accounts = new AccountStore(context.getStateStore(StateStores.ACCOUNTS), due, settings.accountCacheSize());
        history = context.getStateStore(StateStores.HISTORY);
        checkpoints = context.getStateStore(StateStores.CHECKPOINTS);
        ids = context.getStateStore(StateStores.TOUCHPOINT_IDS);
        pending = context.getStateStore(StateStores.PENDING);
        dirty = context.getStateStore(StateStores.DIRTY);
        designs = new DesignStores(context.getStateStore(StateStores.DEFINITIONS),
                context.getStateStore(StateStores.PERSONAS));
        snapshotPacing = new SnapshotPacing(settings.snapshotCatchUpAfter(), settings.snapshotCatchUpInterval());
        context.schedule(settings.grace(), PunctuationType.WALL_CLOCK_TIME, this::flushPending);
        context.schedule(settings.snapshotInterval(), PunctuationType.WALL_CLOCK_TIME, this::publishSnapshots);
        context.schedule(settings.stallInterval(), PunctuationType.WALL_CLOCK_TIME, this::visitDue);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        snapshotPacing.read(record.timestamp(), context.currentSystemTimeMs());
        TouchpointV1 touchpoint;
        try {
            touchpoint = EventJson.read(record.value(), TouchpointV1.class).requireComplete();
        } catch (MalformedEventException e) {
            deadLetter(record.key(), record.value(), e);
            return;
        }
        String account = EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey());
        byte[] waiting = pending.get(account);
        if (waiting != null) {
            List<TouchpointV1> parked = new ArrayList<>(readList(waiting));
            parked.add(touchpoint);
            pending.put(account, EventJson.writeBytes(parked));
            return;
        }
        AccountJourney journey = accounts.load(account, touchpoint.tenantId(), touchpoint.accountKey(),
                this::contextOf).journey();
        if (journey.asOf() != null && journey.isLate(touchpoint)) {
            pending.put(account, EventJson.writeBytes(List.of(touchpoint)));
            return;
        }
        apply(account, touchpoint.tenantId(), touchpoint.accountKey(), List.of(touchpoint));
    }

    /** Folds each account's waiting touchpoints into one engine call. */
    private void flushPending(long wallTime) {
        for (KeyValue<String, byte[]> account : drain(pending)) {
            List<TouchpointV1> touchpoints = readList(account.value);
            TouchpointV1 first = touchpoints.get(0);
            apply(account.key, first.tenantId(), first.accountKey(), touchpoints);
        }
    }

    /**
     * Applies touchpoints of one account, retrying a failing attempt from the stored state; a batch that keeps
     * failing is applied one by one so only the touchpoint at fault is dead-lettered. A {@link StreamsException}
     * (store or broker trouble) is not the touchpoint's fault: it fails the task, which is retried.
     */
    private void apply(String account, String tenantId, String accountKey, List<TouchpointV1> touchpoints) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                applyTo(account, accounts.load(account, tenantId, accountKey, this::contextOf), touchpoints);
                return;
            } catch (StreamsException | SerializationException e) {
                throw e;
            } catch (RuntimeException e) {
                accounts.evict(account);
                failure = e;
                LOG.debugf(e, "Attempt %d to apply %d touchpoints of %s failed", attempt, touchpoints.size(), account);
            }
        }
        if (touchpoints.size() > 1) {
            touchpoints.forEach(single -> apply(account, tenantId, accountKey, List.of(single)));
            return;
        }
        deadLetter(account, EventJson.writeBytes(touchpoints.get(0)), failure);
    }

    private void applyTo(String account, AccountStore.Loaded loaded, List<TouchpointV1> touchpoints) {
        AccountJourney journey = loaded.journey();
        JourneyEngine engine = new JourneyEngine(settings.horizonOf(journey.tenantId()), settings.checkpointEvery());
        JourneyEngine.Outcome outcome = engine.apply(journey, touchpoints,
                new StoreAccountHistory(account, history, checkpoints, ids));
        metrics.applied(outcome.applied(), outcome.duplicates(), outcome.beyondHorizon(), outcome.rederivations(),
                outcome.replayed());
        if (outcome.applied() == 0) {
            return;
        }
        forward(account, outcome.events());
        accounts.save(account, loaded, dueAt(journey.nextCheckAt(journey.asOf()).orElse(null)));
    }

    /** Visits the accounts whose due time passed and derives their stalls at wall time. */
    private void visitDue(long wallTime) {
        Instant now = Instant.ofEpochMilli(wallTime);
        List<String> dueKeys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = due.range("", StoreKeys.timeCode(now) + "|\uffff")) {
            while (range.hasNext() && dueKeys.size() < settings.maxAccountsPerVisit()) {
                dueKeys.add(range.next().key);
            }
        }
        for (String dueKey : dueKeys) {
            due.delete(dueKey);
            String account = StoreKeys.accountOfDue(dueKey);
            AccountStore.Loaded loaded = load(account);
            if (loaded.isNew()) {
                continue;
            }
            forward(account, loaded.journey().tick(now));
            accounts.save(account, loaded, dueAt(loaded.journey().nextCheckAt(now).orElse(null)));
        }
        metrics.visited(dueKeys.size());
    }

    /**
     * The due time rounded up to the stall punctuator's interval: the punctuator cannot visit sooner anyway,
     * and consecutive touchpoints of an account then mostly leave its due-index entry where it is.
     */
    private Instant dueAt(Instant exact) {
        if (exact == null) {
            return null;
        }
        long step = Math.max(1, settings.stallInterval().toMillis());
        long millis = exact.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis + step - 1, step) * step);
    }

    /** Forwards journey events now; the account's snapshot follows at the next snapshot tick. */
    private void forward(String account, List<JourneyEventV1> events) {
        if (events.isEmpty()) {
            return;
        }
        long timestamp = context.currentSystemTimeMs();
        for (JourneyEventV1 event : events) {
            context.forward(new Record<>(account, EventJson.writeBytes(event), timestamp,
                    CloudEventHeaders.journeyEvent(event)), EVENTS_SINK);
        }
        dirty.put(account, StoreKeys.PRESENT);
    }

    /** One snapshot per account changed since the last publication, as it is now (paced: see SnapshotPacing). */
    private void publishSnapshots(long wallTime) {
        if (!snapshotPacing.publishAt(wallTime)) {
            return;
        }
        for (KeyValue<String, byte[]> changed : drain(dirty)) {
            String account = changed.key;
            AccountJourney journey = load(account).journey();
            context.forward(new Record<>(account, EventJson.writeBytes(journey.snapshot()),
                    context.currentSystemTimeMs(), CloudEventHeaders.snapshot(journey)), SNAPSHOTS_SINK);
        }
    }

    /** Every entry of a store, removed from it. */
    private static List<KeyValue<String, byte[]>> drain(KeyValueStore<String, byte[]> store) {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        entries.forEach(entry -> store.delete(entry.key));
        return entries;
    }

    /** An account by its store key {@code tenant/account} (tenant ids hold no slash). */
    private AccountStore.Loaded load(String account) {
        int slash = account.indexOf('/');
        return accounts.load(account, account.substring(0, slash), account.substring(slash + 1), this::contextOf);
    }

    private JourneyContext contextOf(String tenantId) {
        return contexts.forTenant(tenantId, designs);
    }

    private void deadLetter(String key, byte[] value, Exception reason) {
        LOG.warnf("Touchpoint record %s sent to the dead-letter topic: %s", key, reason.getMessage());
        metrics.deadLettered(1);
        context.forward(new Record<>(key, value, context.currentSystemTimeMs(),
                DeadLetterHeaders.of(reason, context.recordMetadata())), DEAD_LETTER_SINK);
    }

    private static List<TouchpointV1> readList(byte[] json) {
        try {
            return EventJson.mapper().readValue(json, TOUCHPOINTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable pending touchpoints", e);
        }
    }
}
