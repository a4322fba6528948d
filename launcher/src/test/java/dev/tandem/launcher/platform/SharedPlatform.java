package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform the end-to-end test classes share ({@code @ExtendWith(SharedPlatform.class)}): started before the
 * first of them, as {@code tandem up} starts it (the four PACKAGED services as their own processes on free ports),
 * and stopped when the last test of the run is done (JUnit closes the root store's resources). Each test acts as a
 * tenant of its own, so sharing it leaves nothing one test could see of another.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPlatform.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static Platform platform;

    /** The running platform, stopped with the run's root store. */
    private record Running(Platform platform) implements AutoCloseable {
        @Override
        public void close() {
            platform.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", key -> new Running(start()), Running.class).platform();
    }

    /** The platform the extension started for this run. */
    static Platform get() {
        if (platform == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
        }
        return platform;
    }

    private static Platform start() {
        try {
            Path root = RepositoryRoot.locate();
            List<Path> missing = RepositoryRoot.missingApplications(root, ServiceCatalog.all());
            if (!missing.isEmpty()) {
                fail("The end-to-end tests run the four packaged services, and " + missing + " are missing: this "
                        + "module was built on its own. Run ./mvnw verify from the repository root (" + root + ").");
            }
            List<Integer> ports = FreePorts.take(2 * ServiceCatalog.all().size());
            PlatformSettings settings = PlatformSettings.defaults(root)
                    // in target/, so the services' logs are at hand when a test fails
                    .withDataDirectory(root.resolve("launcher/target/e2e-platform"))
                    .withPorts(ports)
                    .withReadyTimeout(Duration.ofMinutes(4));
            return new Platform(settings, new LoggingListener()).start();
        } catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
    }

    /** Start-up progress into the test log. */
    private static final class LoggingListener implements PlatformListener {
        @Override
        public void infrastructureReady(InfrastructureAddresses addresses, Duration took) {
            LOG.info("Infrastructure ready in {} ms: {}", took.toMillis(), addresses);
        }

        @Override
        public void serviceReady(ServiceDefinition service, Duration sinceStart) {
            LOG.info("{} ready after {} s", service.name(), sinceStart.toSeconds());
        }

        @Override
        public void stillWaiting(List<String> services, Duration sinceStart) {
            LOG.info("Still waiting for {} ({} s)", services, sinceStart.toSeconds());
        }

        @Override
        public void serviceExited(ServiceDefinition service, int exitCode, Path logFile) {
            LOG.warn("{} exited with code {}; see {}", service.name(), exitCode, logFile);
        }
    }
}
