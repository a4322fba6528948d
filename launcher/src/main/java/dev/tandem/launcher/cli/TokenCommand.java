package dev.tandem.launcher.cli;

import dev.tandem.launcher.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem token}: a bearer token signed with the local run's development key. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a bearer token for a tenant and roles, signed with the development key of the local "
                + "run (./tandem up makes it in the data directory). Services started by ./tandem up accept it; "
                + "they accept no other key unless configured to."})
final class TokenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--tenant", required = true, description = "The tenant the token acts for.")
    String tenant;

    @Option(names = "--roles", required = true, split = ",",
            description = "Comma-separated roles: ingest, designer, seller, analyst, admin, operator.")
    List<String> roles;

    @Option(names = "--system",
            description = "The sending system the token speaks for (claim system): ingest keeps event ids apart per "
                    + "tenant and system. Without it, the tenant's default system.")
    String system;

    @Option(names = "--ttl", defaultValue = "PT1H",
            description = "How long it is valid, ISO-8601 or e.g. 30m, 12h (default 1h).")
    String ttl;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "The run's data directory, relative to the checkout (default ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() {
        Set<String> granted = new LinkedHashSet<>(roles);
        List<String> unknown = granted.stream().filter(role -> !DevTokens.ROLES.contains(role)).toList();
        if (!unknown.isEmpty()) {
            spec.commandLine().getErr().println("tandem token: unknown role(s) " + unknown + "; known: "
                    + DevTokens.ROLES);
            return 2;
        }
        Duration validity;
        try {
            validity = parse(ttl);
            spec.commandLine().getOut().println(DevTokens.keyOf(dataDirectory).token(tenant, system, granted, validity));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tandem token: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Duration parse(String text) {
        String value = text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            if (value.startsWith("P")) {
                return Duration.parse(value);
            }
            return Duration.parse(value.endsWith("D") ? "P" + value : "PT" + value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl: '" + text + "' is not a duration (e.g. 30m, 12h, PT1H)");
        }
    }
}
