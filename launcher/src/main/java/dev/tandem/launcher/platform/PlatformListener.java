package dev.tandem.launcher.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the platform reports while it starts and stops; {@code tandem up} shows it, tests log it. */
public interface PlatformListener {

    default void infrastructureStarting() {
    }

    default void infrastructureReady(InfrastructureAddresses addresses, Duration took) {
    }

    default void serviceStarting(ServiceDefinition service, int port, Path logFile) {
    }

    default void serviceReady(ServiceDefinition service, Duration sinceStart) {
    }

    default void stillWaiting(List<String> services, Duration sinceStart) {
    }

    /** A service ended while the platform was meant to be running. */
    default void serviceExited(ServiceDefinition service, int exitCode, Path logFile) {
    }

    default void stopping() {
    }

    default void stopped() {
    }
}
