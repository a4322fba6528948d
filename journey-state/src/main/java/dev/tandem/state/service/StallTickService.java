package dev.tandem.state.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.state.config.StateConfig;
import dev.tandem.state.repository.AccountId;
import dev.tandem.state.repository.AccountStateEntity;
import dev.tandem.state.repository.JourneyStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Re-evaluates open journeys at WALL time, so a quiet account stalls without a touchpoint. This is the only
 * place that reads the clock for the domain: touchpoints are applied in event time, which keeps replays
 * deterministic. One transaction per page holds the ticker lock, the states (row-version checked against the
 * consumer) and the outbox rows.
 */
@ApplicationScoped
public class StallTickService {

    /** What one page did: where the next page starts (null: done), events emitted, or skipped for the lock. */
    public record Page(AccountId last, int events, boolean locked) {
    }

    private final Mutiny.SessionFactory sessions;
    private final JourneyStateRepository repository;
    private final JourneyContexts contexts;
    private final StateConfig config;
    private final Clock clock;

    public StallTickService(Mutiny.SessionFactory sessions, JourneyStateRepository repository,
            JourneyContexts contexts, StateConfig config, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.contexts = contexts;
        this.config = config;
        this.clock = clock;
    }

    /** Ticks one page of quiet open accounts after {@code after}; {@code locked} false if another replica ticks. */
    public Uni<Page> tickPage(AccountId after) {
        Instant now = clock.instant();
        int size = config.stallTick().pageSize();
        return sessions.withTransaction(session -> repository.tryTickLock(session).chain(locked -> !locked
                ? Uni.createFrom().item(new Page(null, 0, false))
                : repository.quietOpenAccounts(session, now.minus(config.stallTick().quietFor()), after, size)
                        .chain(rows -> tick(session, rows, now)
                                .map(events -> new Page(rows.size() < size ? null : rows.get(rows.size() - 1).id,
                                        events, true)))));
    }

    private Uni<Integer> tick(Mutiny.Session session, List<AccountStateEntity> rows, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Set<String> tenants = new HashSet<>();
        rows.forEach(row -> tenants.add(row.id.tenantId()));
        return contexts.forTenants(session, tenants).chain(journeys -> {
            List<Object> toPersist = new ArrayList<>();
            int emitted = 0;
            for (AccountStateEntity row : rows) {
                AccountJourney journey = AccountStates.load(row.id, row, journeys.get(row.id.tenantId()));
                List<JourneyEventV1> events = journey.tick(now);
                // nothing changed: leave the row alone (no write, no snapshot)
                if (!events.isEmpty()) {
                    AccountStates.save(row.id, row, journey, events, now, toPersist);
                    emitted += events.size();
                }
            }
            int total = emitted;
            return repository.persistAll(session, toPersist).replaceWith(total);
        });
    }
}
