package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.AccountKpiRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies journey events to the per-account KPIs: read the state, let {@link AccountKpis} apply the event, write
 * it back only if nobody changed the account meanwhile (else read again). An event not newer than the stored
 * version changes nothing, so redeliveries, duplicates and replays converge.
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

    /** @return whether the event changed the account's KPIs (false: already applied or older) */
    public Uni<Boolean> apply(JourneyEventV1 event) {
        return attempt(event)
                .onFailure(WriteConflictException.class).retry().atMost(config.projection().writeConflictRetries());
    }

    private Uni<Boolean> attempt(JourneyEventV1 event) {
        return repository.find(event.tenantId(), event.accountKey()).chain(stored -> {
            AccountKpis current = stored != null ? stored : AccountKpis.untracked(event.tenantId(), event.accountKey());
            if (!current.accepts(event)) {
                LOG.debugf("Event %s is not newer than version %d; skipped", event.eventId(), current.accountVersion());
                return Uni.createFrom().item(false);
            }
            if (current.hasGapBefore(event)) {
                // versions are gapless on the log: a gap means retention or a dead-lettered event; counts are partial
                LOG.warnf("Account %s/%s jumps from version %d to %d; applying anyway", event.tenantId(),
                        event.accountKey(), current.accountVersion(), event.accountVersion());
            }
            AccountKpis next = current.apply(event);
            Uni<Boolean> written = stored == null
                    ? repository.insert(next)
                    : repository.replaceIfAt(stored.accountVersion(), next);
            return written.invoke(ok -> {
                if (!ok) {
                    throw new WriteConflictException();
                }
            });
        });
    }

    /** Another writer changed the account between our read and our write: read again and re-apply. */
    static final class WriteConflictException extends RuntimeException {
        WriteConflictException() {
            super("the account changed while the event was applied", null, false, false);
        }
    }
}
