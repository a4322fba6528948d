package dev.tandem.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the KPI projector. */
@ConfigMapping(prefix = "tandem.kpi")
public interface KpiConfig {

    Projection projection();

    Rebuild rebuild();

    Dashboard dashboard();

    interface Rebuild {
        /**
         * Accounts a rebuild keeps in memory while it folds the log (each written once it leaves them); more is
         * faster on a log of many accounts, at about 10 KB of heap each.
         */
        @WithDefault("10000")
        int cachedAccounts();
    }


    interface Projection {
        /** The MongoDB database of the KPI read model (application.properties ties it to quarkus.mongodb.database). */
        @WithDefault("tandem_kpi")
        String database();

        /** How long start-up may wait for the read model's indexes before it fails. */
        @WithDefault("30s")
        Duration indexTimeout();

        /**
         * How often the accounts of a batch that another writer changed between the read and the write are read and
         * applied again, before the batch fails and is retried with back-off.
         */
        @WithDefault("5")
        int writeConflictRetries();

        /**
         * Attribution touchpoints kept in memory once appended or read (about 200 bytes each), so that a stage entry
         * or a win reads from MongoDB only what this instance has not seen: a touchpoint's sequence number and
         * content follow from the account's events, so a kept one never goes stale.
         */
        @WithDefault("50000")
        int recentTouches();

        /**
         * Accounts whose KPI document this instance keeps as it last wrote it (about 5 KB of heap each), so that a
         * batch reads from MongoDB only the accounts it has not written lately; writes stay guarded by the version,
         * so a document another writer changed meanwhile is read again. 0 reads every account every batch.
         */
        @WithDefault("2000")
        int cachedAccounts();
    }

    interface Dashboard {
        /**
         * How often each open KPI stream reads its tenant's totals revision. The streams poll MongoDB rather than
         * listen to the projection because the partitions, and so the tenant's changes, are shared among the
         * service's instances: only the totals see them all.
         */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
