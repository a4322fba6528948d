package dev.tandem.launcher.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small real child processes standing in for services, for the process and readiness tests. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Starts {@code bash -c script} as if it were {@code service} listening on {@code port} (API and management). */
    static ServiceProcess start(ServiceDefinition service, int port, Path directory, String script) {
        ServiceLaunch launch = new ServiceLaunch(service, port, port, List.of("bash", "-c", script), Map.of(),
                directory.resolve("logs").resolve(service.name() + ".log"));
        return ServiceProcess.start(launch, directory);
    }
}
