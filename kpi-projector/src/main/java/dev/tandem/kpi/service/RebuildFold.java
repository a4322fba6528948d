package dev.tandem.kpi.service;

import dev.tandem.kpi.repository.KpiStore.Generation;
import dev.tandem.kpi.service.LoggedEvent.Fence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * The first pass of a rebuild: the log folded into a generation nobody else writes yet, so it needs neither the
 * version guards nor the per-batch totals of the live projection. Accounts are kept in a bounded cache and written
 * when they leave it or at the end (write-behind: an account is written about once, not once per batch; a miss is
 * read back, an account never seen is new), the credit of conversions is summed as they happen, and the totals are
 * summed once at the end from
 * every stored account, with each fence at the last offset read of its partition: from there on the generation is
 * exactly what the live projection would have built, and the fenced projection can carry on. Blocking: the rebuild
 * thread runs it.
 */
final class RebuildFold {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final Generation generation;
    private final RecentTouches recentTouches;
    private final Map<String, AccountKpis> cache;
    /** Accounts that left the cache since the last write: written at the end of the batch. */
    private final List<AccountKpis> evicted = new ArrayList<>();
    /** Every account written, with the partition its events come from (an account's key fixes it). */
    private final Map<String, Fence> written = new HashMap<>();
    /** The credit conversions earned, per fence (not part of any account's state). */
    private final Map<Fence, Map<String, Long>> earned = new HashMap<>();
    /** Per partition, the last offset folded. */
    private final Map<Integer, Long> lastOffsets = new HashMap<>();

    /** @param cachedAccounts accounts kept in memory between batches (the least recently used leave first) */
    RebuildFold(Generation generation, int cachedAccounts, RecentTouches recentTouches) {
        this.generation = generation;
        this.recentTouches = recentTouches;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountKpis> eldest) {
                if (size() > cachedAccounts) {
                    evicted.add(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** Applies one batch of the log (in log order); writes the accounts that left the cache. */
    void fold(List<LoggedEvent> events) {
        Map<String, List<LoggedEvent>> byAccount = KpiProjection.byAccount(events);
        Set<String> misses = new HashSet<>();
        byAccount.keySet().forEach(id -> {
            if (!cache.containsKey(id) && written.containsKey(id)) {
                misses.add(id);
            }
        });
        Map<String, AccountKpis> readBack = misses.isEmpty() ? Map.of()
                : generation.accounts().findAll(misses).await().atMost(PATIENCE);
        Map<String, AccountKpis> states = new HashMap<>();
        byAccount.forEach((id, logged) -> {
            LoggedEvent first = logged.get(0);
            AccountKpis state = cache.get(id);
            if (state == null) {
                state = readBack.getOrDefault(id,
                        AccountKpis.untracked(first.event().tenantId(), first.event().accountKey()));
            }
            states.put(id, state);
        });
        AttributionJournal.loadFor(states, byAccount, generation.touches(), recentTouches).await().atMost(PATIENCE);
        byAccount.forEach((id, logged) -> {
            LoggedEvent first = logged.get(0);
            AccountKpis state = states.get(id);
            // the cache owns its states: their facts change in place, nobody else holds them
            AccountKpis next = KpiProjection.applyInOrder(state, logged.stream().map(LoggedEvent::event).toList());
            cache.put(id, next);
            written.put(id, first.fence());
            Map<String, Long> credit = earned.computeIfAbsent(first.fence(), fence -> new HashMap<>());
            next.facts().drainCredit().forEach((key, value) -> credit.merge(key, value, Long::sum));
        });
        events.forEach(logged -> lastOffsets.merge(logged.partition(), logged.offset(), Math::max));
        writeEvicted();
    }

    private void writeEvicted() {
        if (!evicted.isEmpty()) {
            write(List.copyOf(evicted));
            evicted.clear();
        }
    }

    /** Writes the accounts, their attribution journal first (nobody else writes this generation yet). */
    private void write(List<AccountKpis> accounts) {
        Map<String, AttributionTouches.Changes> journal = AttributionJournal.changesOf(accounts);
        AttributionJournal.keepAppended(journal, recentTouches);
        generation.touches().write(journal).await().atMost(PATIENCE);
        accounts.forEach(account -> account.facts().attribution().saved());
        generation.accounts().replaceAll(accounts).await().atMost(PATIENCE);
    }

    /**
     * Sums every stored account into its fence's totals and stores them, each fence at the last offset folded of
     * its partition (or the given end, whichever is later: records past the last folded one were not events).
     */
    void writeTotals(Map<Integer, Long> lastOffsetsOfLog) {
        List<AccountKpis> cached = new ArrayList<>(cache.values());
        for (int from = 0; from < cached.size(); from += 1_000) {
            write(cached.subList(from, Math.min(cached.size(), from + 1_000)));
        }
        cache.clear();
        Map<Fence, Map<String, Long>> totals = new HashMap<>();
        for (AccountKpis account : generation.accounts().all().subscribe().asIterable()) {
            Fence fence = written.get(dev.tandem.events.EventKeys.account(account.tenantId(), account.accountKey()));
            if (fence == null) {
                continue;
            }
            Map<String, Long> sums = totals.computeIfAbsent(fence, f -> new HashMap<>());
            account.counters().forEach((key, value) -> sums.merge(key, value, Long::sum));
        }
        earned.forEach((fence, credit) -> {
            Map<String, Long> sums = totals.computeIfAbsent(fence, f -> new HashMap<>());
            credit.forEach((key, value) -> sums.merge(key, value, Long::sum));
        });
        Map<Fence, Long> offsets = new HashMap<>();
        totals.keySet().forEach(fence -> offsets.put(fence, Math.max(
                lastOffsets.getOrDefault(fence.partition(), -1L),
                lastOffsetsOfLog.getOrDefault(fence.partition(), -1L))));
        totals.values().forEach(sums -> sums.values().removeIf(value -> value == 0));
        generation.totals().insertAll(totals, offsets).await().atMost(PATIENCE);
    }
}
