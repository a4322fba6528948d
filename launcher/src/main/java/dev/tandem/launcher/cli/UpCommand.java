package dev.tandem.launcher.cli;

import dev.tandem.launcher.demo.DemoClient;
import dev.tandem.launcher.demo.DemoReport;
import dev.tandem.launcher.demo.DemoScenario;
import dev.tandem.launcher.demo.TandemApi;
import dev.tandem.launcher.platform.LauncherLog;
import dev.tandem.launcher.platform.Platform;
import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.ServiceDefinition;
import dev.tandem.launcher.platform.StopSignals;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem up}: infrastructure plus the four services, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts Kafka, PostgreSQL, the MongoDB wire server and the four services, waits until "
                + "each is ready, prints their URLs and runs until Ctrl-C, which stops everything."})
final class UpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--demo", description = "Also send the demo buying-committee scenario once all is ready.")
    boolean demo;

    @Option(names = "--ingest-port", defaultValue = "8081", description = "journey-ingest's port (default ${DEFAULT-VALUE}); its health and metrics are on this plus 1000.")
    int ingestPort;

    @Option(names = "--state-port", defaultValue = "8082", description = "journey-state's port (default ${DEFAULT-VALUE}); its health and metrics are on this plus 1000.")
    int statePort;

    @Option(names = "--designer-port", defaultValue = "8083",
            description = "interaction-designer-api's port (default ${DEFAULT-VALUE}); its health and metrics are on "
                    + "this plus 1000.")
    int designerPort;

    @Option(names = "--kpi-port", defaultValue = "8084", description = "kpi-projector's port (default ${DEFAULT-VALUE}); its health and metrics are on this plus 1000.")
    int kpiPort;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "Logs and the local pseudonymisation secret; a relative path is taken from the "
                    + "checkout's root (default ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--ready-timeout", defaultValue = "180",
            description = "Seconds the services together may take to become ready (default ${DEFAULT-VALUE}).")
    long readyTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlatformSettings settings;
        try {
            settings = settings(RepositoryRoot.locate());
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("tandem up: " + e.getMessage());
            err.flush();
            return 1;
        }
        LauncherLog.writeTo(settings.logDirectory().resolve("launcher.log"));
        Platform platform = new Platform(settings, new ConsoleProgress(out));
        StopSignals.stopOn(platform);
        long started = System.nanoTime();
        try {
            platform.start();
        } catch (RuntimeException e) {
            if (platform.isStopping()) {
                platform.awaitStopped(); // Ctrl-C during start-up: not a failure, the signal handler exits
                return 130;
            }
            err.println("tandem up failed: " + e.getMessage());
            err.println("(launcher diagnostics: " + settings.logDirectory().resolve("launcher.log") + ")");
            err.flush();
            return 1;
        }
        UrlTable.print(out, platform);
        KafkaAddress.write(settings.dataDirectory(), platform.infrastructure().kafkaBootstrapServers());
        DevTokens.print(out, platform.signingKey());
        out.printf("%nTandem is up (%d s). Ctrl-C stops everything.%n", Duration.ofNanos(System.nanoTime() - started)
                .toSeconds());
        out.flush();
        if (demo) {
            sendDemo(platform, out, err);
        }
        platform.awaitStopped();
        return 0;
    }

    PlatformSettings settings(Path repositoryRoot) {
        return PlatformSettings.defaults(repositoryRoot)
                .withDataDirectory(repositoryRoot.resolve(dataDirectory))
                .withPorts(List.of(ingestPort, managementPortFor(ingestPort), statePort, managementPortFor(statePort),
                        designerPort, managementPortFor(designerPort), kpiPort, managementPortFor(kpiPort)))
                .withReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds));
    }

    /** A failing demo is reported, but the platform keeps running: the user may want to look into it. */
    private static void sendDemo(Platform platform, PrintWriter out, PrintWriter err) throws InterruptedException {
        TandemApi api = new TandemApi(HttpClient.newHttpClient(), platform.baseUri(ServiceCatalog.INGEST),
                platform.baseUri(ServiceCatalog.DESIGNER), platform.baseUri(ServiceCatalog.KPI),
                DevTokens.demoToken(platform.signingKey()));
        out.printf("%nSending the demo scenario…%n");
        out.flush();
        try {
            DemoClient.Outcome outcome = new DemoClient(api, DemoScenario.standard(), Clock.systemUTC())
                    .run(DemoCommand.DEFAULT_TIMEOUT);
            DemoReport.print(out, outcome, api);
        } catch (RuntimeException e) {
            err.println("The demo did not complete: " + e.getMessage());
            err.flush();
        }
    }

    private static int managementPortFor(int httpPort) {
        return httpPort + ServiceDefinition.MANAGEMENT_PORT_OFFSET;
    }
}
