package dev.tandem.designer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the interaction designer API: the account-journey projection and journey design. */
@ConfigMapping(prefix = "tandem.designer")
public interface DesignerConfig {

    Projection projection();

    Outbox outbox();

    Simulation simulation();

    Rebuild rebuild();

    /** Per tenant (by tenant id): what its designers may use beyond the standard catalogue. */
    Map<String, Tenant> tenants();


    interface Projection {
        /** The MongoDB database of the read model; application.properties ties it to quarkus.mongodb.database. */
        @WithDefault("tandem_designer")
        String database();

        /** How long start-up may wait for the read model's indexes before it fails. */
        @WithDefault("30s")
        Duration indexTimeout();

        /**
         * Accounts whose journey version this instance keeps as it last wrote it (a few hundred bytes each), so that a
         * batch of snapshots looks up only the other accounts' stored versions; writes stay guarded by the version, so
         * an account another writer moved on meanwhile is looked up again. 0 looks up every account every batch.
         */
        @WithDefault("20000")
        int cachedVersions();
    }

    interface Outbox {
        /** How often unsent records of the design outbox are looked for (each change also sends at once). */
        @WithDefault("1s")
        Duration interval();

        /** At most this many outbox records per transaction of the relay. */
        @WithDefault("100")
        int batch();
    }

    interface Simulation {
        /**
         * Most accounts one simulation holds; more fail the job with a clear error instead of exhausting the heap.
         * Default: what three quarters of the heap hold at about 170 KB per account (both journeys).
         */
        Optional<Integer> maxAccounts();
    }

    interface Rebuild {
        /**
         * Accounts whose newest snapshot and latest touchpoints a rebuild keeps in memory between polls, so each is
         * written once per this many accounts rather than once per poll (a few KB of heap each).
         */
        @WithDefault("10000")
        int cachedAccounts();
    }

    interface Tenant {
        /** The tenant's own touchpoint types (dotted lowercase) that interaction points may aim for. */
        Optional<List<String>> touchpointTypes();
    }

}
