package dev.tandem.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: starts {@link LocalInfrastructure} once per test JVM (every test class of a service
 * shares it; each test uses its own account keys) and points the application at it.
 * Use with {@code @QuarkusTestResource(TandemInfrastructureResource.class)} on the service's test classes.
 */
public class TandemInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static LocalInfrastructure shared;

    /** The infrastructure of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalInfrastructure infrastructure() {
        if (shared == null) {
            shared = LocalInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "tandem-infra-stop"));
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        return infrastructure().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM: stopped by the shutdown hook
    }
}
