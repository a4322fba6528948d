package dev.tandem.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every Tandem service shares. */
@ConfigMapping(prefix = "tandem")
public interface TandemConfig {

    Messaging messaging();

    interface Messaging {
        Retry retry();

        /** Back-off of a consumer's retries after a failure that may pass. */
        interface Retry {
            @WithDefault("200ms")
            Duration initialBackoff();

            @WithDefault("30s")
            Duration maxBackoff();
        }
    }
}
