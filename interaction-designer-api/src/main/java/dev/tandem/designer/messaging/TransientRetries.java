package dev.tandem.designer.messaging;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.events.MalformedEventException;
import io.smallrye.mutiny.Uni;

/** Retries a record's work after transient failures only; a malformed record fails at once to the DLQ. */
final class TransientRetries {

    private TransientRetries() {
    }

    static <T> Uni<T> retried(Uni<T> work, DesignerConfig.Retry retry) {
        return work.onFailure(failure -> !(failure instanceof MalformedEventException)).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff())
                .atMost(retry.maxAttempts());
    }
}
