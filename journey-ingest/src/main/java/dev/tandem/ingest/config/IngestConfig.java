package dev.tandem.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the ingest service. */
@ConfigMapping(prefix = "tandem.ingest")
public interface IngestConfig {

    /** Key of the keyed hash that turns emails into pseudonymous contact keys. Secret; at least 16 characters. */
    String pseudonymSecret();

    /** Most touchpoints one request may carry. */
    @WithDefault("500")
    int maxBatchSize();

    /**
     * Per tenant: company email domains and the account each names, for touchpoints sent without an account
     * key ({@code tandem.ingest.tenants."dev".account-domains."acme.com"=acme-robotics}). An unmapped company
     * domain is its own account key.
     */
    Map<String, Tenant> tenants();

    interface Tenant {
        Map<String, String> accountDomains();
    }

    /** How long a request waits for the broker's acknowledgements before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();
}
