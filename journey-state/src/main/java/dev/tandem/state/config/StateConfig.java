package dev.tandem.state.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the journey-state service. */
@ConfigMapping(prefix = "tandem.state")
public interface StateConfig {

    /**
     * Title patterns per committee role (wire name → case-insensitive regex, whole words), replacing the
     * built-in ones for those roles, e.g. {@code tandem.state.role-patterns.champion=director|program lead}.
     */
    Map<String, String> rolePatterns();

    Streams streams();

    Lateness lateness();

    StallTick stallTick();

    Snapshots snapshots();

    /** Account snapshots on {@code tandem.account-snapshots.v1}. */
    interface Snapshots {
        /** Changed accounts get one snapshot each this often (coalesced: the latest state, not every step). */
        @WithDefault("100ms")
        Duration interval();

        /**
         * Catching up: the touchpoints read were written to Kafka more than this ago (a backfill, a restart after
         * downtime, a burst beyond the engine's rate).
         */
        @WithDefault("2s")
        Duration catchUpAfter();

        /** While catching up, changed accounts get one snapshot each at most this often (stale states are skipped). */
        @WithDefault("5s")
        Duration catchUpInterval();
    }

    /** The Kafka Streams application. */
    interface Streams {
        /** Consumer group, transactional id prefix and internal topic prefix: one per deployment. */
        @WithDefault("journey-state")
        String applicationId();

        /** Where RocksDB keeps the stores (a persistent volume in production); default under java.io.tmpdir. */
        Optional<String> stateDir();

        /** {@code exactly_once_v2} in production: stores, outputs and offsets commit in one transaction. */
        @WithDefault("exactly_once_v2")
        String processingGuarantee();

        /** How often a transaction commits: the floor of end-to-end latency under exactly-once. */
        @WithDefault("100ms")
        Duration commitInterval();

        /**
         * Stream threads. One keeps live latency lowest: each thread commits its own transaction every commit
         * interval, and with three the broker and the projectors handled three times the transactions (at 250/s
         * the platform's CPU per touchpoint rose from 7.3 to 7.9 ms and the seller view fell seconds behind).
         * Draining a backlog (a first import), one per partition of the touchpoint topic keeps both cores busy:
         * 3,677 touchpoints/s in order against 2,970-3,368 with one, 3,908-4,879 with lz4 on the producers as well
         * ({@code ./tandem bench drain}, docs/benchmarks.md).
         */
        @WithDefault("1")
        int threads();

        /** Standby replicas of each store on other instances (fast fail-over). */
        @WithDefault("0")
        int standbyReplicas();

        /** Record cache across the stores, in bytes. */
        @WithDefault("10485760")
        long cacheMaxBytes();

        /** Memory of all RocksDB stores together (block cache with the memtables charged to it), in MiB. */
        @WithDefault("64")
        int rocksdbCacheMb();

        /** Accounts kept as live aggregates per task, so an account's next touchpoint skips parsing its state. */
        @WithDefault("5000")
        int accountCacheSize();

        /** Delete the local state directory when the service stops (tests: every run starts from the log). */
        @WithDefault("false")
        boolean cleanUpOnStop();

        /** Any other Kafka Streams or client property, e.g. {@code tandem.state.streams.config."max.poll.records"=1000}. */
        Map<String, String> config();
    }

    /** Out-of-order touchpoints. */
    interface Lateness {
        /** Within this far behind an account's clock a touchpoint is replayed into place; beyond, it only counts. */
        @WithDefault("30d")
        Duration horizon();

        /** Per-tenant horizons, e.g. {@code tandem.state.lateness.tenants.acme=90d}. */
        Map<String, Duration> tenants();

        /** A checkpoint of the account's canonical state every so many history entries: what a replay starts from. */
        @WithDefault("32")
        int checkpointEvery();

        /** Late touchpoints of an account arriving within this wall time are folded into one re-derivation. */
        @WithDefault("200ms")
        Duration grace();

        /** Attempts to apply a touchpoint before it is dead-lettered as one that fails deterministically. */
        @WithDefault("3")
        int attempts();
    }

    /** The wall-clock punctuator that derives stalls between touchpoints. */
    interface StallTick {
        /** How often accounts that are due are visited (only those: a due-time index, never all of them). */
        @WithDefault("1m")
        Duration interval();

        /** At most this many accounts per visit, so one punctuation never holds the stream thread long. */
        @WithDefault("5000")
        int maxAccounts();
    }
}
