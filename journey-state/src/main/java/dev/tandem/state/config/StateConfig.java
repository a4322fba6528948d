package dev.tandem.state.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the journey-state service. */
@ConfigMapping(prefix = "tandem.state")
public interface StateConfig {

    Outbox outbox();

    /**
     * Title patterns per committee role (wire name → case-insensitive regex, whole words), replacing the
     * built-in ones for those roles, e.g. {@code tandem.state.role-patterns.champion=director|program lead}.
     */
    Map<String, String> rolePatterns();

    Consumer consumer();

    StallTick stallTick();

    interface Outbox {
        /** Most outbox rows published per relay round. */
        @WithDefault("500")
        int batchSize();
    }

    interface Consumer {
        /** Readiness reports the touchpoint consumer DOWN once one batch has been failing for longer than this. */
        @WithDefault("30s")
        Duration unhealthyAfter();
    }

    interface StallTick {
        /** How often open journeys are re-evaluated at wall time (read by the scheduler as well). */
        @WithDefault("1m")
        Duration interval();

        /** First tick this long after start-up, once the channels are connected (read by the scheduler). */
        @WithDefault("10s")
        Duration startDelay();

        /** Only accounts unchanged for this long are ticked: a fresh one was just evaluated by its touchpoint. */
        @WithDefault("1m")
        Duration quietFor();

        /** Accounts per transaction. */
        @WithDefault("200")
        int pageSize();
    }
}
