package dev.tandem.launcher.cli;

import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.rejected.RejectedTouchpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The raw touchpoints journey-ingest refused: what they are, and sending them again once fixed. */
@Command(name = "rejected", mixinStandardHelpOptions = true,
        description = "Records of tandem.touchpoints.raw.v1 that journey-ingest refused, on "
                + "tandem.touchpoints.rejected.v1 with their reason and field.",
        subcommands = {RejectedCommand.ListRejected.class, RejectedCommand.ReplayRejected.class})
final class RejectedCommand {

    @Option(names = "--bootstrap-servers", description = "Kafka's address (default: the local run's, from its data "
            + "directory).")
    String bootstrapServers;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "The local run's data directory (default ${DEFAULT-VALUE}).")
    Path dataDirectory;

    String bootstrapServers(CommandSpec spec) {
        String address = bootstrapServers != null ? bootstrapServers : KafkaAddress.read(dataDirectory);
        if (address == null) {
            spec.commandLine().getErr().println("No local run found in " + dataDirectory
                    + ": start one with ./tandem up, or give --bootstrap-servers.");
        }
        return address;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Counts the rejected records by tenant and reason.")
    static final class ListRejected implements Callable<Integer> {
        @ParentCommand
        RejectedCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String address = parent.bootstrapServers(spec);
            if (address == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Map<String, Long>> counts = new RejectedTouchpoints(address).counts();
            if (counts.isEmpty()) {
                out.println("No rejected touchpoints.");
            }
            counts.forEach((tenant, reasons) -> reasons.forEach((reason, count) ->
                    out.printf("  %-24s %-20s %,d%n", tenant, reason, count)));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Sends rejected records back to tandem.touchpoints.raw.v1 as they first came, once the "
                    + "cause is fixed; ingest judges them again.",
                    "Without --tenant or --reason it continues where the last replay stopped; with one it reads the "
                            + "whole topic and remembers nothing, so the others stay for later."})
    static final class ReplayRejected implements Callable<Integer> {
        @ParentCommand
        RejectedCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "Only this tenant's records.")
        String tenant;

        @Option(names = "--reason", description = "Only records rejected for this reason (e.g. schema, no-account).")
        String reason;

        @Override
        public Integer call() throws Exception {
            String address = parent.bootstrapServers(spec);
            if (address == null) {
                return 2;
            }
            RejectedTouchpoints.Replay replay = new RejectedTouchpoints(address)
                    .replay(new RejectedTouchpoints.Filter(tenant, reason));
            spec.commandLine().getOut().printf("Sent %,d rejected record(s) back to tandem.touchpoints.raw.v1%s.%n",
                    replay.replayed(), replay.passedOver() > 0 ? " (" + replay.passedOver()
                            + " did not match the filter)" : "");
            return 0;
        }
    }
}
