package dev.tandem.designer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the interaction designer API's account-journey projection. */
@ConfigMapping(prefix = "tandem.designer")
public interface DesignerConfig {

    Projection projection();

    Retry retry();

    interface Projection {
        /** The MongoDB database of the read model; application.properties ties it to quarkus.mongodb.database. */
        @WithDefault("tandem_designer")
        String database();

        /** How long start-up may wait for the read model's indexes before it fails. */
        @WithDefault("30s")
        Duration indexTimeout();
    }

    /**
     * Retries of a record whose write failed for a transient reason (MongoDB unreachable, failover). Once they
     * are spent the record is dead-lettered, so a partition never stops; malformed records are never retried.
     */
    interface Retry {
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();
    }
}
