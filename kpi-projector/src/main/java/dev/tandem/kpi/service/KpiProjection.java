package dev.tandem.kpi.service;

import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.AccountKpiRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies a batch of journey events to the per-account KPIs: the batch's accounts are read with one query, each
 * account's events applied in log order by {@link AccountKpis} in memory, and every changed account written back
 * with one bulk write, each write only if nobody changed the account since it was read. The accounts another writer
 * got to first are read and applied again, up to {@code tandem.kpi.projection.write-conflict-retries} times. An
 * event not newer than the stored version changes nothing, so redeliveries, duplicates and replays converge.
 */
@ApplicationScoped
public class KpiProjection {

    private static final Logger LOG = Logger.getLogger(KpiProjection.class);

    private final AccountKpiRepository repository;
    private final KpiConfig config;

    public KpiProjection(AccountKpiRepository repository, KpiConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * @param events in log order (one account's events are in offset order)
     * @return how many accounts' KPIs changed (the others' events were all already applied or older)
     */
    public Uni<Integer> applyAll(List<JourneyEventV1> events) {
        Map<String, List<JourneyEventV1>> byAccount = byAccount(events);
        return readAndApply(byAccount, config.projection().writeConflictRetries());
    }

    private Uni<Integer> readAndApply(Map<String, List<JourneyEventV1>> byAccount, int conflictsLeft) {
        return repository.findAll(byAccount.keySet())
                .chain(stored -> applyOn(stored, byAccount, conflictsLeft));
    }

    /**
     * Applies each account's events on the state that was read (absent: no document yet) and writes the changed
     * accounts; those written meanwhile by someone else are read again, at most {@code conflictsLeft} times.
     */
    Uni<Integer> applyOn(Map<String, AccountKpis> stored, Map<String, List<JourneyEventV1>> byAccount,
            int conflictsLeft) {
        List<AccountKpiRepository.Write> writes = new ArrayList<>();
        for (Map.Entry<String, List<JourneyEventV1>> account : byAccount.entrySet()) {
            JourneyEventV1 first = account.getValue().get(0);
            AccountKpis read = stored.getOrDefault(account.getKey(),
                    AccountKpis.untracked(first.tenantId(), first.accountKey()));
            AccountKpis next = applyInOrder(read, account.getValue());
            if (next.accountVersion() != read.accountVersion()) {
                writes.add(new AccountKpiRepository.Write(next, read.accountVersion()));
            }
        }
        if (writes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return repository.writeAll(writes).chain(conflicts -> {
            if (conflicts.isEmpty()) {
                return Uni.createFrom().item(writes.size());
            }
            if (conflictsLeft <= 0) {
                return Uni.createFrom().failure(new WriteConflictException(conflicts.size()));
            }
            LOG.debugf("%d accounts changed while their events were applied; reading them again", conflicts.size());
            return readAndApply(only(byAccount, conflicts), conflictsLeft - 1)
                    .map(rewritten -> writes.size() - conflicts.size() + rewritten);
        });
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
    static Map<String, List<JourneyEventV1>> byAccount(List<JourneyEventV1> events) {
        Map<String, List<JourneyEventV1>> byAccount = new LinkedHashMap<>();
        for (JourneyEventV1 event : events) {
            byAccount.computeIfAbsent(EventKeys.account(event.tenantId(), event.accountKey()),
                    id -> new ArrayList<>()).add(event);
        }
        return byAccount;
    }

    private static Map<String, List<JourneyEventV1>> only(Map<String, List<JourneyEventV1>> byAccount,
            Set<String> ids) {
        Map<String, List<JourneyEventV1>> subset = new LinkedHashMap<>();
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
