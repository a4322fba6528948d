package dev.tandem.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.rebuild.RebuildClient;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rebuilds a read model of a running platform from the log, showing progress. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuilds a projection from the log while the platform runs: kpi (kpi-projector's KPI "
                + "projection, from the journey events) or designer (interaction-designer-api's sellers' read model: "
                + "account journeys, timelines and contacts, from the account snapshots, journey events and "
                + "contacts). The projection stays readable throughout; the rebuilt one replaces it at the end.")
final class RebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECTION", description = "What to rebuild: kpi or designer.")
    String projection;

    @Option(names = "--kpi", defaultValue = "http://localhost:8084",
            description = "kpi-projector's address (default ${DEFAULT-VALUE}).")
    URI kpi;

    @Option(names = "--designer", defaultValue = "http://localhost:8083",
            description = "interaction-designer-api's address (default ${DEFAULT-VALUE}).")
    URI designer;

    @Option(names = "--token", description = "A bearer token with role operator (default: one signed with the "
            + "local run's key, for tenant dev).")
    String token;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "The data directory of the local run whose key signs the default token (default "
                    + "${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        URI service;
        if ("kpi".equals(projection)) {
            service = kpi;
            out.printf("Rebuilding the KPI projection of %s from tandem.journey-events.v1…%n", kpi);
        } else if ("designer".equals(projection)) {
            service = designer;
            out.printf("Rebuilding the sellers' read model of %s from tandem.contacts.v1, "
                    + "tandem.account-snapshots.v1 and tandem.journey-events.v1…%n", designer);
        } else {
            spec.commandLine().getErr().printf("Unknown projection %s: the ones that can be rebuilt are kpi and "
                    + "designer.%n", projection);
            return 2;
        }
        String bearer = token != null ? token
                : DevTokens.keyOf(dataDirectory).token(DevTokens.DEMO_TENANT, Set.of("operator"), Duration.ofHours(1));
        JsonNode job;
        try {
            job = new RebuildClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), service,
                    bearer).rebuild(projection, out, Duration.ofSeconds(1), Duration.ofHours(6));
        } catch (IllegalStateException | java.io.IOException refused) {
            spec.commandLine().getErr().printf("The rebuild could not run: %s%n", refused.getMessage());
            return 1;
        }
        if (!"done".equals(job.path("state").asText())) {
            spec.commandLine().getErr().printf("The rebuild failed: %s%n", job.path("error").asText());
            return 1;
        }
        out.printf("Rebuilt from %,d records at %,d records/s; the new projection is live.%n",
                job.path("eventsRead").asLong(), job.path("eventsPerSecond").asLong());
        return 0;
    }
}
