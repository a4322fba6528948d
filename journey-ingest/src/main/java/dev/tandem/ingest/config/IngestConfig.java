package dev.tandem.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Settings of the ingest service. */
@ConfigMapping(prefix = "tandem.ingest")
public interface IngestConfig {

    /** Key of the keyed hash that turns emails into pseudonymous contact keys. Secret; at least 16 characters. */
    String pseudonymSecret();

    /** Most touchpoints one request may carry. */
    @WithDefault("500")
    int maxBatchSize();

    /** Largest request body, in bytes; a larger one is refused (413) before it is parsed. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * Largest single touchpoint (or CloudEvent), in bytes of compact JSON; a larger item of a batch is rejected on
     * its own, a larger single touchpoint refuses its request (413).
     */
    @WithDefault("32768")
    int maxEventBytes();

    /** Every tenant's touchpoint rate limit, unless {@code tenants."<id>".rate-limit} overrides it. */
    RateLimit rateLimit();

    /**
     * Per tenant: company email domains and the account each names, for touchpoints sent without an account
     * key ({@code tandem.ingest.tenants."dev".account-domains."acme.com"=acme-robotics}), and the tenant's own
     * rate limit. An unmapped company domain is its own account key.
     */
    Map<String, Tenant> tenants();

    interface Tenant {
        Map<String, String> accountDomains();

        TenantRateLimit rateLimit();
    }

    /** A token bucket counting touchpoints, not requests: it refills continuously and holds at most the burst. */
    interface RateLimit {
        @WithDefault("2000")
        double touchpointsPerSecond();

        @WithDefault("10000")
        long burst();
    }

    /** A tenant's overrides of {@link RateLimit}; what is absent is the default. */
    interface TenantRateLimit {
        OptionalDouble touchpointsPerSecond();

        OptionalLong burst();
    }

    /** How long a request waits for the broker's acknowledgements before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();

    Erasure erasure();

    /** The recent-event-id memory that answers a resent {@code system:eventId} as a duplicate. */
    Dedupe dedupe();

    /**
     * Per tenant, the {@code system:eventId}s accepted within {@code window}, so that a resend is answered
     * {@code duplicate} and not published again. Best effort (in memory, per instance, bounded): journey-state
     * still drops whatever slips through.
     */
    interface Dedupe {
        /** How long an accepted id is remembered. */
        @WithDefault("10m")
        Duration window();

        /** Most ids remembered per tenant (the least recently written go first). */
        @WithDefault("10000")
        long maxIdsPerTenant();

        /** Most tenants remembered at once (the least recently used go first). */
        @WithDefault("100")
        long maxTenants();
    }

    /** {@code Idempotency-Key} on {@code POST /v1/touchpoints}. */
    Idempotency idempotency();

    interface Idempotency {
        /** How long a key's first answer is replayed. */
        @WithDefault("24h")
        Duration window();

        /**
         * How long a key stays claimed by a request that has not answered yet; after that (an instance that stopped
         * mid-request) another request with the key may take it over.
         */
        @WithDefault("2m")
        Duration inFlightTimeout();

        /** How often expired keys are deleted. */
        @WithDefault("1h")
        Duration cleanupInterval();
    }

    /** CloudEvents over HTTP (structured, batch and binary modes). */
    CloudEvents cloudevents();

    interface CloudEvents {
        /**
         * CloudEvent {@code type} → touchpoint type, for events whose data has no {@code type}
         * ({@code tandem.ingest.cloudevents.types."com.acme.webinar.attended"=webinar.attended}); an unmapped
         * CloudEvent type is taken as the touchpoint type itself.
         */
        Map<String, String> types();
    }

    /**
     * Segment-spec calls on {@code /v1/track}, {@code /v1/page}, {@code /v1/screen}, {@code /v1/identify},
     * {@code /v1/group}, {@code /v1/batch}.
     */
    Segment segment();

    interface Segment {
        /** The touchpoint source of calls whose {@code properties.source} names none, unless a system says. */
        @WithDefault("marketing")
        String source();

        /** The touchpoint type of {@code page} calls, unless a system says. */
        @WithDefault("page.viewed")
        String pageType();

        /** The touchpoint type of {@code screen} calls (an app's screens), unless a system says. */
        @WithDefault("screen.viewed")
        String screenType();

        /**
         * Per tenant and sending system: event names' touchpoint types
         * ({@code tandem.ingest.segment.tenants."acme".systems."hubspot".events."Demo Requested"=demo.requested}),
         * and the system's own source and page type.
         */
        Map<String, SegmentTenant> tenants();
    }

    interface SegmentTenant {
        Map<String, SegmentSystem> systems();
    }

    interface SegmentSystem {
        Map<String, String> events();

        Optional<String> source();

        Optional<String> pageType();

        Optional<String> screenType();
    }

    /** Tags of {@code tandem_ingest_touchpoints_total}. */
    Metrics metrics();

    interface Metrics {
        /** Distinct {@code system} tag values; later systems are counted as {@code other}. */
        @WithDefault("100")
        int maxSystems();
    }

    /** Erasure of a person (docs/security.md#erasure). */
    interface Erasure {
        /**
         * The services that keep a plaintext copy of contacts' data: an erasure is completed once each has
         * confirmed that it deleted its copy.
         */
        @WithDefault("interaction-designer-api")
        List<String> confirmingServices();

        /** How often requests not yet on the log are looked for (after a restart, or a broker that was away). */
        @WithDefault("5s")
        Duration publishRetryInterval();
    }
}
