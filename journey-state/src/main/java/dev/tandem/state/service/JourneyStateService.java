package dev.tandem.state.service;

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
        return sessions.withTransaction(session -> repository
                .markProcessed(session, List.copyOf(unique.keySet()), now)
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
        return repository.findAccounts(session, byAccount.keySet())
                .chain(stored -> contexts.forTenants(session, tenants).chain(journeys -> {
                    Map<AccountId, AccountStateEntity> rows = stored.stream()
                            .collect(Collectors.toMap(row -> row.id, Function.identity()));
                    List<Object> toPersist = new ArrayList<>();
                    int events = 0;
                    for (Map.Entry<AccountId, List<TouchpointV1>> account : byAccount.entrySet()) {
                        events += applyToAccount(account.getKey(), rows.get(account.getKey()), account.getValue(),
                                journeys.get(account.getKey().tenantId()), now, toPersist);
                    }
                    int emitted = events;
                    return repository.persistAll(session, toPersist)
                            .replaceWith(new BatchOutcome(touchpoints.size(), 0, byAccount.size(), emitted));
                }));
    }

    private static int applyToAccount(AccountId id, AccountStateEntity stored, List<TouchpointV1> touchpoints,
            JourneyContext context, Instant now, List<Object> toPersist) {
        AccountJourney journey = AccountStates.load(id, stored, context);
        List<JourneyEventV1> events = new ArrayList<>();
        for (TouchpointV1 touchpoint : touchpoints.stream().sorted(EVENT_TIME).toList()) {
            try {
                events.addAll(journey.apply(touchpoint));
            } catch (RuntimeException e) {
                throw new PoisonTouchpointException(touchpoint.tenantId(), touchpoint.eventId(), e);
            }
        }
        AccountStates.save(id, stored, journey, events, now, toPersist);
        return events.size();
    }
}
