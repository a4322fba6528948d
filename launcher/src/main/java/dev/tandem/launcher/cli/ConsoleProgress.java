package dev.tandem.launcher.cli;

import dev.tandem.launcher.platform.InfrastructureAddresses;
import dev.tandem.launcher.platform.PlatformListener;
import dev.tandem.launcher.platform.ServiceDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Shows start-up and shutdown progress on the console of {@code tandem up}. */
final class ConsoleProgress implements PlatformListener {

    private final PrintWriter out;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void infrastructureStarting() {
        print("Starting Kafka (KRaft), PostgreSQL and the MongoDB wire server…");
    }

    @Override
    public void infrastructureReady(InfrastructureAddresses addresses, Duration took) {
        print("  infrastructure ready in %.1f s", took.toMillis() / 1000.0);
    }

    @Override
    public void serviceStarting(ServiceDefinition service, int port, Path logFile) {
        print("  starting %-26s on port %d", service.name(), port);
    }

    @Override
    public void serviceReady(ServiceDefinition service, Duration sinceStart) {
        print("  ready    %-26s after %d s", service.name(), sinceStart.toSeconds());
    }

    @Override
    public void stillWaiting(List<String> services, Duration sinceStart) {
        print("  … waiting for %s (%d s)", String.join(", ", services), sinceStart.toSeconds());
    }

    @Override
    public void serviceExited(ServiceDefinition service, int exitCode, Path logFile) {
        print("! %s exited with code %d; see %s", service.name(), exitCode, logFile);
    }

    @Override
    public void stopping() {
        print("Stopping Tandem… (Ctrl-C again quits at once)");
    }

    @Override
    public void stopped() {
        print("Stopped.");
    }

    private void print(String format, Object... args) {
        out.println(String.format(format, args));
        out.flush();
    }
}
