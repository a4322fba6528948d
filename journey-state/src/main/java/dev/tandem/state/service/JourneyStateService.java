package dev.tandem.state.service;

import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import dev.tandem.state.repository.AccountId;
import dev.tandem.state.repository.AccountStateEntity;
import dev.tandem.state.repository.JourneyStateRepository;
import dev.tandem.state.repository.JourneyStateRepository.Processed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies a batch of touchpoints in ONE transaction: processed ids (dedup), the accounts' new states and their
 * outbox rows commit together, so a crash leaves all of the batch or none of it; the outbox relay publishes
 * afterwards. Statements per batch are constant: one insert of the ids, one select of the states, one of the
 * journey definitions, then batched inserts and updates at flush.
 */
@ApplicationScoped
public class JourneyStateService {

    /** Event time order within an account; the id breaks ties so every run applies the same order. */
    static final Comparator<TouchpointV1> EVENT_TIME =
            Comparator.comparing(TouchpointV1::occurredAt).thenComparing(TouchpointV1::eventId);

    private final Mutiny.SessionFactory sessions;
    private final JourneyStateRepository repository;
    private final JourneyContexts contexts;
    private final Clock clock;

    public JourneyStateService(Mutiny.SessionFactory sessions, JourneyStateRepository repository,
            JourneyContexts contexts, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.contexts = contexts;
        this.clock = clock;
    }

    /**
     * Applies the touchpoints (complete ones; any order, duplicates allowed). Fails with
     * {@link PoisonTouchpointException} naming a touchpoint the aggregate refuses; the transaction is then rolled
     * back and nothing of the batch is kept.
     */
    public Uni<BatchOutcome> applyBatch(List<TouchpointV1> touchpoints) {
        Map<Processed, TouchpointV1> unique = new LinkedHashMap<>();
        touchpoints.forEach(t -> unique.putIfAbsent(new Processed(t.tenantId(), t.eventId(), t.accountKey()), t));
        Instant now = clock.instant();
        List<Processed> processed = List.copyOf(unique.keySet());
        List<String> payloads = processed.stream().map(p -> EventJson.write(unique.get(p))).toList();
        return sessions.withTransaction(session -> repository
                .markProcessed(session, processed, payloads, now)
                .chain(fresh -> {
                    List<TouchpointV1> toApply = unique.entrySet().stream()
                            .filter(e -> fresh.contains(e.getKey()))
                            .map(Map.Entry::getValue)
                            .toList();
                    return applyFresh(session, toApply, now)
                            .map(outcome -> new BatchOutcome(outcome.applied(), touchpoints.size() - toApply.size(),
                                    outcome.accounts(), outcome.journeyEvents()));
                }));
    }

    private Uni<BatchOutcome> applyFresh(Mutiny.Session session, List<TouchpointV1> touchpoints, Instant now) {
        if (touchpoints.isEmpty()) {
            return Uni.createFrom().item(new BatchOutcome(0, 0, 0, 0));
        }
        Map<AccountId, List<TouchpointV1>> byAccount = touchpoints.stream().collect(Collectors.groupingBy(
                t -> new AccountId(t.tenantId(), t.accountKey()), LinkedHashMap::new, Collectors.toList()));
        Set<String> tenants = new HashSet<>();
        byAccount.keySet().forEach(id -> tenants.add(id.tenantId()));
        List<String> batchIds = touchpoints.stream().map(t -> t.tenantId() + "/" + t.eventId()).toList();
        return repository.findAccounts(session, byAccount.keySet())
                .chain(stored -> contexts.forTenants(session, tenants).chain(journeys -> {
                    Map<AccountId, AccountStateEntity> rows = stored.stream()
                            .collect(Collectors.toMap(row -> row.id, Function.identity()));
                    Map<AccountId, AccountJourney> loaded = new LinkedHashMap<>();
                    byAccount.keySet().forEach(id -> loaded.put(id,
                            AccountStates.load(id, rows.get(id), journeys.get(id.tenantId()))));
                    // only accounts that receive a touchpoint at or before their clock need their history
                    Set<AccountId> late = byAccount.entrySet().stream()
                            .filter(e -> mayBeLate(loaded.get(e.getKey()), e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toSet());
                    return repository.historyOf(session, late, batchIds).chain(history -> {
                        List<Object> toPersist = new ArrayList<>();
                        int events = 0;
                        for (Map.Entry<AccountId, List<TouchpointV1>> account : byAccount.entrySet()) {
                            AccountId id = account.getKey();
                            events += applyToAccount(id, rows.get(id), loaded.get(id), account.getValue(),
                                    history.get(id), now, toPersist);
                        }
                        int emitted = events;
                        return repository.persistAll(session, toPersist)
                                .replaceWith(new BatchOutcome(touchpoints.size(), 0, byAccount.size(), emitted));
                    });
                }));
    }

    private static boolean mayBeLate(AccountJourney journey, List<TouchpointV1> touchpoints) {
        Instant clock = journey.asOf();
        return clock != null && touchpoints.stream().anyMatch(t -> !t.occurredAt().isAfter(clock));
    }

    /**
     * Applies an account's touchpoints in event-time order: in place when on time, replayed into place with
     * the account's history when late. Without a complete history (rows from before it was kept) a late
     * touchpoint is applied in place, which keeps engagement and momentum exact.
     */
    private static int applyToAccount(AccountId id, AccountStateEntity stored, AccountJourney journey,
            List<TouchpointV1> touchpoints, List<String> storedHistory, Instant now, List<Object> toPersist) {
        List<TouchpointV1> applied = new ArrayList<>();
        if (storedHistory != null) {
            storedHistory.forEach(json -> applied.add(EventJson.read(json, TouchpointV1.class)));
        }
        boolean historyComplete = applied.size() >= journey.touchpointCount();
        List<JourneyEventV1> events = new ArrayList<>();
        for (TouchpointV1 touchpoint : touchpoints.stream().sorted(EVENT_TIME).toList()) {
            try {
                events.addAll(journey.isLate(touchpoint) && historyComplete
                        ? journey.applyLate(touchpoint, applied)
                        : journey.apply(touchpoint));
                applied.add(touchpoint);
            } catch (RuntimeException e) {
                throw new PoisonTouchpointException(touchpoint.tenantId(), touchpoint.eventId(), e);
            }
        }
        AccountStates.save(id, stored, journey, events, now, toPersist);
        return events.size();
    }
}
