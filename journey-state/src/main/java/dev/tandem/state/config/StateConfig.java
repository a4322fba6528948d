package dev.tandem.state.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the journey-state service. */
@ConfigMapping(prefix = "tandem.state")
public interface StateConfig {

    Outbox outbox();

    interface Outbox {
        /** Most outbox rows published per relay round. */
        @WithDefault("500")
        int batchSize();
    }
}
