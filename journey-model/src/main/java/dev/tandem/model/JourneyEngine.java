package dev.tandem.model;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.history.AccountHistory;
import dev.tandem.model.history.Checkpoint;
import dev.tandem.model.history.HistoryEntry;
import dev.tandem.model.history.HistoryPosition;
import dev.tandem.model.history.StagedAccountHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies touchpoints to an account given its history, and answers the journey events: the one call that
 * decides between in place, replayed into place and beyond the horizon.
 * <ul>
 *   <li>Resent touchpoints (an id in the history, or twice in the batch) are dropped.</li>
 *   <li>Touchpoints after the account's clock are applied in event-time order, in place.</li>
 *   <li>If some are late (before the clock, within the lateness horizon) the whole batch is folded into ONE
 *       re-derivation: the canonical state is restored from the latest checkpoint before the earliest of them
 *       and the history after it is replayed with the batch in event-time order. A late touchpoint thus costs
 *       at most the checkpoint interval plus the entries after it, never the account's whole history.</li>
 *   <li>Beyond the horizon a touchpoint still counts (engagement, committee, counts) where the account is now;
 *       it does not rewrite the stage history, and the explanation says so.</li>
 * </ul>
 * Checkpoints are written every {@code checkpointEvery} entries; entries and checkpoints older than the horizon
 * are pruned, so an account's history stays bounded by what happened within the horizon.
 */
public final class JourneyEngine {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);
    public static final int DEFAULT_CHECKPOINT_EVERY = 32;

    private static final Comparator<TouchpointV1> EVENT_ORDER =
            Comparator.comparing(TouchpointV1::occurredAt).thenComparing(TouchpointV1::id);

    /**
     * What one call did.
     *
     * @param applied touchpoints counted (new ids)
     * @param duplicates touchpoints dropped as resent
     * @param rederivations replays from a checkpoint (0 or 1 per call)
     * @param replayed history entries applied again by the replay
     * @param beyondHorizon touchpoints counted in place because they were older than the horizon
     */
    public record Outcome(List<JourneyEventV1> events, int applied, int duplicates, int rederivations, int replayed,
            int beyondHorizon) {
    }

    private final Duration horizon;
    private final int checkpointEvery;

    public JourneyEngine(Duration horizon, int checkpointEvery) {
        if (horizon.isNegative() || horizon.isZero() || checkpointEvery < 1) {
            throw new IllegalArgumentException("a positive lateness horizon and checkpoint interval are needed");
        }
        this.horizon = horizon;
        this.checkpointEvery = checkpointEvery;
    }

    public static JourneyEngine defaults() {
        return new JourneyEngine(DEFAULT_HORIZON, DEFAULT_CHECKPOINT_EVERY);
    }

    public Duration horizon() {
        return horizon;
    }

    /**
     * Applies {@code touchpoints} (any order, duplicates allowed; all of {@code journey}'s account) and keeps
     * {@code history} up to date. Throws {@link IllegalArgumentException} for a touchpoint of another account.
     * All or nothing: if it throws, {@code history} is unchanged (the caller drops {@code journey}, which is
     * then half-applied, and restores it from its stored state).
     */
    public Outcome apply(AccountJourney journey, List<TouchpointV1> touchpoints, AccountHistory history) {
        StagedAccountHistory staged = new StagedAccountHistory(history);
        Outcome outcome = applyStaged(journey, touchpoints, staged);
        staged.commit();
        return outcome;
    }

    private Outcome applyStaged(AccountJourney journey, List<TouchpointV1> touchpoints, AccountHistory history) {
        Map<String, TouchpointV1> fresh = new LinkedHashMap<>();
        int duplicates = 0;
        for (TouchpointV1 touchpoint : touchpoints) {
            if (!touchpoint.tenantId().equals(journey.tenantId())
                    || !touchpoint.accountKey().equals(journey.accountKey())) {
                throw new IllegalArgumentException("touchpoint " + touchpoint.id() + " is not of this account");
            }
            if (history.contains(touchpoint.id()) || fresh.putIfAbsent(touchpoint.id(), touchpoint) != null) {
                duplicates++;
            }
        }
        if (fresh.isEmpty()) {
            return new Outcome(List.of(), 0, duplicates, 0, 0, 0);
        }
        Instant horizonStart = journey.asOf() == null ? null : journey.asOf().minus(horizon);
        List<TouchpointV1> onTime = new ArrayList<>();
        List<TouchpointV1> late = new ArrayList<>();
        List<TouchpointV1> beyond = new ArrayList<>();
        for (TouchpointV1 touchpoint : fresh.values().stream().sorted(EVENT_ORDER).toList()) {
            if (horizonStart != null && touchpoint.occurredAt().isBefore(horizonStart)) {
                beyond.add(touchpoint);
            } else if (journey.isLate(touchpoint)) {
                late.add(touchpoint);
            } else {
                onTime.add(touchpoint);
            }
        }
        Optional<Checkpoint> base = late.isEmpty() ? Optional.empty()
                : history.latestCheckpointBefore(HistoryPosition.of(late.get(0)));
        if (!late.isEmpty() && base.isEmpty() && journey.historyPruned()) {
            // nothing left to replay from: it counts where the account is, as beyond the horizon
            beyond.addAll(0, late);
            late.clear();
        }
        List<JourneyEventV1> events = new ArrayList<>();
        int replayed = 0;
        if (late.isEmpty()) {
            for (TouchpointV1 touchpoint : onTime) {
                events.addAll(journey.apply(touchpoint));
                record(journey, history, HistoryEntry.inPlace(touchpoint));
            }
        } else {
            List<TouchpointV1> added = new ArrayList<>(late);
            added.addAll(onTime);
            replayed = rederive(journey, added, base, history, events);
        }
        for (TouchpointV1 touchpoint : beyond) {
            events.addAll(journey.applyBeyondHorizon(touchpoint, horizon));
            // it stands after everything applied so far, and later touchpoints at the same clock after it
            String positionId = journey.clockPositionId() + ">" + touchpoint.id();
            journey.noteClockPosition(positionId);
            record(journey, history, new HistoryEntry(new HistoryPosition(journey.asOf(), positionId), touchpoint));
        }
        return new Outcome(events, fresh.size(), duplicates, late.isEmpty() ? 0 : 1, replayed, beyond.size());
    }

    /** Replays the history after {@code base} with {@code added} in place; answers how many entries it applied. */
    private int rederive(AccountJourney journey, List<TouchpointV1> added, Optional<Checkpoint> base,
            AccountHistory history, List<JourneyEventV1> events) {
        HistoryPosition from = base.map(Checkpoint::position).orElse(null);
        AccountJourney canonical = base
                .map(checkpoint -> AccountJourney.restore(checkpoint.state(), journey.context()))
                .orElseGet(() -> AccountJourney.start(journey.tenantId(), journey.accountKey(), journey.context()));
        TreeMap<HistoryPosition, HistoryEntry> replay = new TreeMap<>();
        history.after(from).forEach(entry -> replay.put(entry.position(), entry));
        List<HistoryEntry> addedEntries = added.stream().map(HistoryEntry::inPlace).toList();
        addedEntries.forEach(entry -> replay.put(entry.position(), entry));
        Set<String> addedIds = added.stream().map(TouchpointV1::id).collect(Collectors.toSet());

        history.removeCheckpointsAfter(from);
        List<JourneyEventV1.Payload> recorded = new ArrayList<>();
        int count = 0;
        for (HistoryEntry entry : replay.values()) {
            List<JourneyEventV1> applied = applyAt(canonical, entry);
            if (addedIds.contains(entry.touchpoint().id())) {
                // its weight as counted in place (the stage and role of its time)
                recorded.add(applied.get(0).data());
            }
            count++;
            if (count % checkpointEvery == 0) {
                history.putCheckpoint(new Checkpoint(entry.position(), canonical.canonical()));
            }
        }
        addedEntries.forEach(history::append);
        Instant at = added.stream().map(TouchpointV1::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        events.addAll(journey.adopt(canonical, recorded, added.stream().map(TouchpointV1::id).toList(), at));
        journey.sinceCheckpoint(count % checkpointEvery);
        prune(journey, history);
        return count;
    }

    /** Applies an entry as it was first applied: a touchpoint beyond the horizon stands at its position. */
    private static List<JourneyEventV1> applyAt(AccountJourney journey, HistoryEntry entry) {
        List<JourneyEventV1> events = journey.apply(entry.touchpoint());
        if (!entry.position().equals(HistoryPosition.of(entry.touchpoint()))) {
            journey.noteClockPosition(entry.position().touchpointId());
        }
        return events;
    }

    /** Appends an entry applied in place; every {@code checkpointEvery} entries, a checkpoint and a prune. */
    private void record(AccountJourney journey, AccountHistory history, HistoryEntry entry) {
        history.append(entry);
        int since = journey.sinceCheckpoint() + 1;
        if (since >= checkpointEvery) {
            history.putCheckpoint(new Checkpoint(entry.position(), journey.canonical()));
            since = 0;
            prune(journey, history);
        }
        journey.sinceCheckpoint(since);
    }

    /** Drops history older than the horizon, keeping the latest checkpoint before it as the replay base. */
    private void prune(AccountJourney journey, AccountHistory history) {
        if (journey.asOf() == null) {
            return;
        }
        history.latestCheckpointBefore(new HistoryPosition(journey.asOf().minus(horizon), "")).ifPresent(base -> {
            history.pruneThrough(base);
            journey.historyPruned(true);
        });
    }
}
