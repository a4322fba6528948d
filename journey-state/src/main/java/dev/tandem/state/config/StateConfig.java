package dev.tandem.state.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the journey-state service. */
@ConfigMapping(prefix = "tandem.state")
public interface StateConfig {

    Outbox outbox();

    Retry retry();

    interface Outbox {
        /** Most outbox rows published per relay round. */
        @WithDefault("500")
        int batchSize();
    }

    /** Back-off for failures that may pass (database or broker unavailable); poison records are not retried. */
    interface Retry {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
