package dev.tandem.kpi.service;

import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.AccountKpiRepository;
import dev.tandem.kpi.repository.KpiTotalsRepository;
import dev.tandem.kpi.repository.KpiTotalsRepository.Increment;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.repository.KpiStore.Generation;
import dev.tandem.kpi.service.LoggedEvent.Fence;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies a batch of journey events to the per-account KPIs and to the tenant totals. The batch's accounts and the
 * totals' fences are read with one query each; each account's events are applied in log order in memory
 * ({@link AccountKpis}, pure); the totals change by the difference between what each account adds to them after and
 * before ({@link AccountKpis#counters}), counted only for the events beyond the fence of the account's tenant and
 * partition. The totals are written first (one bulk write, each fence moving only from the offset read), then the
 * changed accounts (one bulk write, each only if nobody changed the account since it was read). Whatever another
 * writer got to first is read and applied again, up to {@code tandem.kpi.projection.write-conflict-retries} times.
 *
 * <p>Why the order holds after a crash: an account's document is written only after its events were counted, so a
 * redelivered batch finds its events beyond the documents but within the fences: they are applied again without
 * being counted again. An event not newer than the stored version changes nothing, so duplicates and replays
 * converge, and the totals always equal the sum over accounts, which is what a rebuild from the log computes.
 */
@ApplicationScoped
public class KpiProjection {

    private static final Logger LOG = Logger.getLogger(KpiProjection.class);

    private final KpiStore store;
    private final KpiConfig config;
    private final RecentTouches recentTouches;

    public KpiProjection(KpiStore store, KpiConfig config) {
        this.store = store;
        this.config = config;
        this.recentTouches = new RecentTouches(config.projection().recentTouches());
    }

    /** The attribution touchpoints this instance appended or read lately (shared with a rebuild: never stale). */
    RecentTouches recentTouches() {
        return recentTouches;
    }

    /**
     * @param events in log order (one account's events are in offset order)
     * @return how many accounts' KPIs changed (the others' events were all already applied or older)
     */
    public Uni<Integer> applyAll(List<LoggedEvent> events) {
        return store.current().chain(generation -> applyAll(events, generation));
    }

    /** Applies the events to one generation of the projection (a rebuild's, or the current one). */
    public Uni<Integer> applyAll(List<LoggedEvent> events, Generation generation) {
        return readAndApply(byAccount(events), config.projection().writeConflictRetries(), generation);
    }

    private Uni<Integer> readAndApply(Map<String, List<LoggedEvent>> byAccount, int conflictsLeft,
            Generation generation) {
        Set<Fence> fences = new HashSet<>();
        byAccount.values().forEach(events -> events.forEach(logged -> fences.add(logged.fence())));
        return Uni.combine().all().unis(generation.accounts().findAll(byAccount.keySet()),
                        generation.totals().offsets(fences))
                .asTuple()
                .call(read -> AttributionJournal.loadFor(read.getItem1(), byAccount, generation.touches(),
                        recentTouches))
                .chain(read -> applyOn(read.getItem1(), read.getItem2(), byAccount, conflictsLeft, generation));
    }

    /**
     * Applies each account's events on the state that was read (absent: no document yet; the states are consumed:
     * their facts change in place), counts the difference
     * of the events beyond their fence into the totals, and writes both; what someone else wrote meanwhile is read
     * again, at most {@code conflictsLeft} times.
     */
    Uni<Integer> applyOn(Map<String, AccountKpis> stored, Map<Fence, Long> fences,
            Map<String, List<LoggedEvent>> byAccount, int conflictsLeft, Generation generation) {
        List<AccountKpiRepository.Write> writes = new ArrayList<>();
        Map<Fence, Increment> increments = new LinkedHashMap<>();
        for (Map.Entry<String, List<LoggedEvent>> account : byAccount.entrySet()) {
            JourneyEventV1 first = account.getValue().get(0).event();
            AccountKpis read = stored.getOrDefault(account.getKey(),
                    AccountKpis.untracked(first.tenantId(), first.accountKey()));
            Fence fence = account.getValue().get(0).fence();
            long countedUpTo = fences.getOrDefault(fence, KpiTotalsRepository.NEVER);
            List<JourneyEventV1> counted = new ArrayList<>();
            List<JourneyEventV1> uncounted = new ArrayList<>();
            long lastOffset = countedUpTo;
            for (LoggedEvent logged : account.getValue()) {
                (logged.offset() <= countedUpTo ? counted : uncounted).add(logged.event());
                lastOffset = Math.max(lastOffset, logged.offset());
            }
            // the states read are this batch's own (fresh from the database): their facts may change in place
            AccountKpis settled = applyInOrder(read, counted);
            settled.facts().drainCredit(); // counted when those events were
            if (!uncounted.isEmpty()) {
                Map<String, Long> before = settled.counters();
                AccountKpis next = applyInOrder(settled, uncounted);
                Increment increment = increments.computeIfAbsent(fence,
                        f -> new Increment(f, countedUpTo, countedUpTo, new HashMap<>()));
                increments.put(fence, new Increment(fence, countedUpTo, Math.max(increment.toOffset(), lastOffset),
                        increment.deltas()));
                addDifference(increment.deltas(), before, next.counters());
                // the credit of the conversions among these events: earned once, when they happened
                next.facts().drainCredit().forEach((key, credit) -> increment.deltas().merge(key, credit, Long::sum));
                settled = next;
            }
            if (settled.accountVersion() != read.accountVersion()) {
                writes.add(new AccountKpiRepository.Write(settled, read.accountVersion()));
            }
        }
        increments.values().forEach(increment -> increment.deltas().values().removeIf(delta -> delta == 0));
        Map<String, AttributionTouches.Changes> journal = AttributionJournal.changesOf(
                writes.stream().map(AccountKpiRepository.Write::next).toList());
        // the appended touchpoints before anything that refers to them (a replay writes the same documents)
        AttributionJournal.keepAppended(journal, recentTouches);
        return generation.touches().write(AttributionJournal.appended(journal))
                .chain(() -> generation.totals().add(List.copyOf(increments.values())))
                .chain(movedFences -> {
                    if (!movedFences.isEmpty()) {
                        return conflictsLeft <= 0
                                ? Uni.createFrom().failure(new WriteConflictException(movedFences.size()))
                                : readAndApply(byAccount, conflictsLeft - 1, generation);
                    }
                    return writeAccounts(writes, journal, byAccount, conflictsLeft, generation);
                });
    }

    private Uni<Integer> writeAccounts(List<AccountKpiRepository.Write> writes,
            Map<String, AttributionTouches.Changes> journal, Map<String, List<LoggedEvent>> byAccount,
            int conflictsLeft, Generation generation) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return generation.accounts().writeAll(writes).call(conflicts -> {
            // what the written accounts no longer keep: no replay can start before them any more
            Set<String> written = new HashSet<>(journal.keySet());
            written.removeAll(conflicts);
            return generation.touches().write(AttributionJournal.dropped(journal, written));
        }).chain(conflicts -> {
            if (conflicts.isEmpty()) {
                return Uni.createFrom().item(writes.size());
            }
            if (conflictsLeft <= 0) {
                return Uni.createFrom().failure(new WriteConflictException(conflicts.size()));
            }
            LOG.debugf("%d accounts changed while their events were applied; reading them again", conflicts.size());
            return readAndApply(only(byAccount, conflicts), conflictsLeft - 1, generation)
                    .map(rewritten -> writes.size() - conflicts.size() + rewritten);
        });
    }

    /** Adds {@code after - before} to {@code deltas}, counter by counter. */
    static void addDifference(Map<String, Long> deltas, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((key, value) -> deltas.merge(key, value, Long::sum));
        before.forEach((key, value) -> deltas.merge(key, -value, Long::sum));
    }

    /** The account's events applied one by one; those not newer than the state change nothing. */
    static AccountKpis applyInOrder(AccountKpis state, List<JourneyEventV1> events) {
        AccountKpis current = state;
        for (JourneyEventV1 event : events) {
            if (!current.accepts(event)) {
                LOG.debugf("Event %s is not newer than version %d; skipped", event.eventId(),
                        current.accountVersion());
                continue;
            }
            if (current.hasGapBefore(event)) {
                // versions are gapless on the log: a gap means retention or a dead-lettered event; counts are partial
                LOG.warnf("Account %s/%s jumps from version %d to %d; applying anyway", event.tenantId(),
                        event.accountKey(), current.accountVersion(), event.accountVersion());
            }
            current = current.apply(event);
        }
        return current;
    }

    /** The events by account id, each account's in the order given; accounts in order of first appearance. */
    static Map<String, List<LoggedEvent>> byAccount(List<LoggedEvent> events) {
        Map<String, List<LoggedEvent>> byAccount = new LinkedHashMap<>();
        for (LoggedEvent logged : events) {
            JourneyEventV1 event = logged.event();
            byAccount.computeIfAbsent(EventKeys.account(event.tenantId(), event.accountKey()),
                    id -> new ArrayList<>()).add(logged);
        }
        return byAccount;
    }

    private static Map<String, List<LoggedEvent>> only(Map<String, List<LoggedEvent>> byAccount,
            Set<String> ids) {
        Map<String, List<LoggedEvent>> subset = new LinkedHashMap<>();
        byAccount.forEach((id, events) -> {
            if (ids.contains(id)) {
                subset.put(id, events);
            }
        });
        return subset;
    }

    /** Other writers kept changing accounts between our reads and our writes; the batch is retried later. */
    static final class WriteConflictException extends RuntimeException {
        WriteConflictException(int accounts) {
            super(accounts + " accounts kept changing while their events were applied", null, false, false);
        }
    }
}
