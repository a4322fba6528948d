package dev.tandem.kpi.messaging;

import dev.tandem.events.MalformedEventException;
import dev.tandem.kpi.config.KpiConfig;
import io.smallrye.mutiny.Uni;

/** Retries a record's work after transient failures only; a malformed record fails at once to the DLQ. */
final class TransientRetries {

    private TransientRetries() {
    }

    static <T> Uni<T> retried(Uni<T> work, KpiConfig.Retry retry) {
        return work.onFailure(failure -> !(failure instanceof MalformedEventException)).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff())
                .atMost(retry.maxAttempts());
    }
}
