package dev.tandem.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** Largest single touchpoint, in bytes of compact JSON; a larger one refuses its request (413). */
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
