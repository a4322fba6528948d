package dev.tandem.launcher.cli;

import dev.tandem.launcher.demo.DemoClient;
import dev.tandem.launcher.demo.DemoReport;
import dev.tandem.launcher.demo.DemoScenario;
import dev.tandem.launcher.demo.TandemApi;
import java.io.PrintWriter;
import dev.tandem.launcher.platform.PlatformSettings;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem demo}: the demo scenario against a platform that is already running. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Sends the demo buying-committee scenario (three accounts) to a running platform and "
                + "waits until both read models show it. Sending it again changes nothing."})
final class DemoCommand implements Callable<Integer> {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    @Spec
    private CommandSpec spec;

    @Option(names = "--ingest-url", defaultValue = "http://localhost:8081",
            description = "journey-ingest (default ${DEFAULT-VALUE}).")
    URI ingestUrl;

    @Option(names = "--designer-url", defaultValue = "http://localhost:8083",
            description = "interaction-designer-api (default ${DEFAULT-VALUE}).")
    URI designerUrl;

    @Option(names = "--kpi-url", defaultValue = "http://localhost:8084",
            description = "kpi-projector (default ${DEFAULT-VALUE}).")
    URI kpiUrl;

    @Option(names = "--token", description = "Bearer token with the ingest, seller and analyst roles (default: "
            + "one of tenant dev, signed with the local run's key in --data-dir).")
    String token;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "The local run's data directory, relative to the checkout (default ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--timeout", defaultValue = "90",
            description = "Seconds to wait for the read models to show the scenario (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        TandemApi api = new TandemApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                ingestUrl, designerUrl, kpiUrl, token != null ? token : DevTokens.demoToken(DevTokens.keyOf(dataDirectory)));
        out.printf("Sending the demo scenario to %s…%n", ingestUrl);
        out.flush();
        try {
            DemoClient.Outcome outcome = new DemoClient(api, DemoScenario.standard(), Clock.systemUTC())
                    .run(Duration.ofSeconds(timeoutSeconds));
            DemoReport.print(out, outcome, api);
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("The demo did not complete: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
