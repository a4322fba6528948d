package dev.tandem.state.messaging;

import dev.tandem.state.repository.AccountId;
import dev.tandem.state.service.StallTickService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every {@code tandem.state.stall-tick.interval}, re-evaluates quiet open journeys at wall time, page by page,
 * and wakes the relay for what that emitted. Rounds never overlap in one replica (SKIP), and a replica that
 * finds the ticker lock taken stops its round: another one is ticking.
 */
@ApplicationScoped
public class StallTicker {

    private static final Logger LOG = Logger.getLogger(StallTicker.class);

    private final StallTickService service;
    private final OutboxRelay relay;

    public StallTicker(StallTickService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @Scheduled(every = "${tandem.state.stall-tick.interval:1m}", delayed = "${tandem.state.stall-tick.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return pagesFrom(null, 0)
                .invoke(events -> {
                    if (events > 0) {
                        LOG.infof("Stall tick emitted %d journey events", events);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Stall tick failed, the next one retries: %s", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Integer> pagesFrom(AccountId after, int emitted) {
        return service.tickPage(after).chain(page -> {
            if (page.events() > 0) {
                relay.wakeUp();
            }
            int total = emitted + page.events();
            return page.locked() && page.last() != null ? pagesFrom(page.last(), total) : Uni.createFrom().item(total);
        });
    }
}
