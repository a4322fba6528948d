package dev.tandem.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the ingest service. */
@ConfigMapping(prefix = "tandem.ingest")
public interface IngestConfig {

    /** Key of the keyed hash that turns emails into pseudonymous contact keys. Secret; at least 16 characters. */
    String pseudonymSecret();

    /** Most touchpoints one request may carry. */
    @WithDefault("500")
    int maxBatchSize();

    /** How long a request waits for the broker's acknowledgements before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();
}
