package dev.tandem.launcher.cli;

import dev.tandem.launcher.design.DesignerClient;
import dev.tandem.launcher.design.DesignerClient.Answer;
import dev.tandem.launcher.design.DesignerClient.Publication;
import dev.tandem.launcher.platform.PlatformSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem journey …}: personas and journey maps, through interaction-designer-api's design API. */
@Command(name = "journey", mixinStandardHelpOptions = true,
        description = "Personas and journey maps through the designer API (interaction-designer-api): save a map as "
                + "its journey's draft and publish it, or put a tenant's personas.",
        subcommands = {JourneyCommand.Publish.class, JourneyCommand.Personas.class})
final class JourneyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the designer API is, and as whom to call it. */
    static final class DesignerOptions {

        @Option(names = "--designer", defaultValue = "http://localhost:8083",
                description = "The designer API (default ${DEFAULT-VALUE}, as ./tandem up starts it).")
        URI designer;

        @Option(names = "--tenant", defaultValue = DevTokens.DEMO_TENANT,
                description = "The tenant to design for (default ${DEFAULT-VALUE}).")
        String tenant;

        @Option(names = "--token", description = "A bearer token with the designer role; default: one made with the "
                + "local run's signing key for --tenant.")
        String token;

        @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
                description = "The local run's data directory, for its signing key (default ${DEFAULT-VALUE}).")
        Path dataDirectory;

        DesignerClient client() {
            String bearer = token != null ? token
                    : DevTokens.keyOf(dataDirectory).token(tenant, Set.of("designer"), Duration.ofMinutes(10));
            return new DesignerClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                    designer, bearer);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Saves a journey map (JSON with journeyId, name, halfLife, requiredRoles, stages; see "
                    + "docs/journeys.md) as its journey's draft, creating the journey if it is new, and publishes it: "
                    + "the designer API validates it against the tenant's personas and puts it in force on "
                    + "tandem.journey-definitions.v1. What it refuses is printed field by field."})
    static final class Publish implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        DesignerOptions options;

        @Parameters(index = "0", paramLabel = "FILE", description = "The journey map (JSON).")
        Path file;

        @Option(names = "--draft-only", description = "Save the draft and list what publishing would refuse; "
                + "publish nothing.")
        boolean draftOnly;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Publication publication = options.client().publish(Files.readString(file), draftOnly);
            Answer answer = publication.publish();
            if (!answer.ok()) {
                err.printf("%s: %s (HTTP %d)%n", file, publication.draftVersion() == 0 ? "not saved"
                        : "saved as draft version " + publication.draftVersion() + ", not published", answer.status());
                answer.problems().forEach(problem -> err.printf("  %s%n", problem));
                return 1;
            }
            if (draftOnly) {
                out.printf("Saved %s as draft version %d of journey %s.%n", file, publication.draftVersion(),
                        publication.journeyId());
                answer.body().path("problems").forEach(p -> out.printf("  publishing would refuse %s: %s%n",
                        p.path("field").asText(), p.path("message").asText()));
                return 0;
            }
            out.printf("Published %s as version %d of journey %s (tenant %s): journey-state measures the tenant's "
                    + "accounts against it from their next touchpoint.%n", file, publication.draftVersion(),
                    publication.journeyId(), options.tenant);
            return 0;
        }
    }

    @Command(name = "personas", mixinStandardHelpOptions = true,
            description = {"Creates or replaces a tenant's personas from a JSON object of committee role → persona "
                    + "(see docs/examples/personas.json): title patterns, weight and the buyer insights that "
                    + "interaction points cite."})
    static final class Personas implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        DesignerOptions options;

        @Parameters(index = "0", paramLabel = "FILE", description = "The personas (JSON object by role).")
        Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Answer> answers = options.client().putPersonas(Files.readString(file));
            int refused = 0;
            for (Map.Entry<String, Answer> answer : answers.entrySet()) {
                if (answer.getValue().ok()) {
                    out.printf("  %-20s %s%n", answer.getKey(), answer.getValue().status() == 201 ? "created"
                            : "replaced");
                } else {
                    refused++;
                    err.printf("  %-20s refused (HTTP %d)%n", answer.getKey(), answer.getValue().status());
                    answer.getValue().problems().forEach(problem -> err.printf("      %s%n", problem));
                }
            }
            out.printf("%d of %d personas saved for tenant %s.%n", answers.size() - refused, answers.size(),
                    options.tenant);
            return refused == 0 ? 0 : 1;
        }
    }
}
