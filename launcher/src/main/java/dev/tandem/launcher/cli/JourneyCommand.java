package dev.tandem.launcher.cli;

import dev.tandem.events.FieldError;
import dev.tandem.launcher.demo.JourneyPublisher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem journey publish}: puts a designer's journey map in force for a tenant. */
@Command(name = "journey", mixinStandardHelpOptions = true,
        description = "Journey maps: check one, or publish it so journey-state measures accounts against it.",
        subcommands = {JourneyCommand.Publish.class})
final class JourneyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Checks a journey definition (JSON, see docs/journeys.md) like journey-state would and "
                    + "publishes it on tandem.journey-definitions.v1. An invalid one is refused, naming each field."})
    static final class Publish implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The journey definition (JSON).")
        Path file;

        @Option(names = "--kafka", description = "Kafka bootstrap servers (tandem up prints them).")
        String kafka;

        @Option(names = "--check-only", description = "Only check; publish nothing.")
        boolean checkOnly;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String json = Files.readString(file);
            List<FieldError> errors = JourneyPublisher.check(json);
            if (!errors.isEmpty()) {
                err.printf("%s is not publishable:%n", file);
                errors.forEach(e -> err.printf("  %s: %s%n", e.field().isEmpty() ? "(document)" : e.field(),
                        e.message()));
                return 1;
            }
            if (checkOnly) {
                out.printf("%s is a valid, published journey definition.%n", file);
                return 0;
            }
            if (kafka == null) {
                err.println("--kafka is required to publish (the Kafka address tandem up printed)");
                return 2;
            }
            JourneyPublisher.publish(kafka, json);
            out.printf("Published %s: journey-state applies it to the tenant's next touchpoints.%n", file);
            return 0;
        }
    }
}
