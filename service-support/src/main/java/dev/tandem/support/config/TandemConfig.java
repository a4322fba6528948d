package dev.tandem.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every Tandem service shares. */
@ConfigMapping(prefix = "tandem")
public interface TandemConfig {

    Tenant tenant();

    interface Tenant {
        /** The tenant of every request until credentials carry one. */
        @WithDefault("dev")
        String developmentTenant();
    }
}
