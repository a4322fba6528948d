package dev.tandem.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem}: runs the whole platform on this machine, without Docker, and feeds it a demo story. */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        versionProvider = TandemCommand.ManifestVersion.class,
        description = "Runs Tandem, the buyer-journey platform, on this machine (no Docker needed).",
        subcommands = {UpCommand.class, DemoCommand.class, TokenCommand.class, JourneyCommand.class, ImportCommand.class,
            RejectedCommand.class,
            RebuildCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class TandemCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new TandemCommand());
    }

    /** Without a subcommand: say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version Maven wrote into the jar's manifest. */
    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TandemCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tandem " + (version == null ? "(development build)" : version)};
        }
    }
}
