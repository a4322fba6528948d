package dev.tandem.state.service;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.RoleInference;
import dev.tandem.state.mapping.OutboxRecords;
import dev.tandem.state.repository.AccountId;
import dev.tandem.state.repository.AccountStateEntity;
import dev.tandem.state.repository.JourneyStateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies touchpoints to account journeys. One transaction holds the processed id, the new state and the
 * outbox rows, so a crash leaves either all of them or none; the outbox relay publishes afterwards.
 */
@ApplicationScoped
public class JourneyStateService {

    private final Mutiny.SessionFactory sessions;
    private final JourneyStateRepository repository;
    private final EngagementPolicy policy = EngagementPolicy.defaults();
    private final RoleInference roles = RoleInference.defaults();
    private final Clock clock = Clock.systemUTC();

    public JourneyStateService(Mutiny.SessionFactory sessions, JourneyStateRepository repository) {
        this.sessions = sessions;
        this.repository = repository;
    }

    public Uni<ApplyOutcome> apply(TouchpointV1 touchpoint) {
        Instant now = clock.instant();
        return sessions.withTransaction(session -> repository
                .markProcessed(session, touchpoint.tenantId(), touchpoint.eventId(), touchpoint.accountKey(), now)
                .chain(fresh -> fresh
                        ? applyFresh(session, touchpoint, now).replaceWith(ApplyOutcome.APPLIED)
                        : Uni.createFrom().item(ApplyOutcome.DUPLICATE)));
    }

    private Uni<Void> applyFresh(Mutiny.Session session, TouchpointV1 touchpoint, Instant now) {
        return repository.findAccount(session, touchpoint.tenantId(), touchpoint.accountKey()).chain(stored -> {
            AccountJourney journey = stored == null
                    ? AccountJourney.start(touchpoint.tenantId(), touchpoint.accountKey(), policy, roles)
                    : AccountJourney.restore(EventJson.read(stored.state, AccountSnapshotV1.class), policy, roles);
            List<JourneyEventV1> events = journey.apply(touchpoint);
            AccountSnapshotV1 snapshot = journey.snapshot();
            String snapshotJson = EventJson.write(snapshot);

            List<Object> toPersist = new ArrayList<>(OutboxRecords.of(events, snapshot, snapshotJson, now));
            AccountStateEntity state = stored;
            if (state == null) {
                state = new AccountStateEntity();
                state.id = new AccountId(touchpoint.tenantId(), touchpoint.accountKey());
                toPersist.add(state);
            }
            // a managed entity's changes are flushed at commit
            state.accountVersion = snapshot.accountVersion();
            state.momentum = snapshot.momentum();
            state.state = snapshotJson;
            state.updatedAt = now;
            return repository.persistAll(session, toPersist);
        });
    }
}
