package dev.tandem.designer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the interaction designer API's account-journey projection. */
@ConfigMapping(prefix = "tandem.designer")
public interface DesignerConfig {

    Projection projection();


    interface Projection {
        /** The MongoDB database of the read model; application.properties ties it to quarkus.mongodb.database. */
        @WithDefault("tandem_designer")
        String database();

        /** How long start-up may wait for the read model's indexes before it fails. */
        @WithDefault("30s")
        Duration indexTimeout();
    }

}
