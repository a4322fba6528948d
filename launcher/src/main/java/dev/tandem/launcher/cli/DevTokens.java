package dev.tandem.launcher.cli;

import dev.tandem.infra.LocalSigningKey;
import dev.tandem.launcher.platform.Platform;
import dev.tandem.launcher.platform.RepositoryRoot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The development tokens of a local run: signed with the run's key, for its demo tenant. */
final class DevTokens {

    /** The tenant the printed tokens and the demo act for. */
    static final String DEMO_TENANT = "dev";
    static final Duration DEV_TTL = Duration.ofHours(12);
    static final List<String> ROLES = List.of("ingest", "designer", "seller", "analyst", "admin", "operator");

    private DevTokens() {
    }

    /** A token of the demo tenant for what the demo and the benchmarks call: ingest, seller and analyst. */
    static String demoToken(LocalSigningKey key) {
        return key.token(DEMO_TENANT, Set.of("ingest", "seller", "analyst"), DEV_TTL);
    }

    /** The key of the run whose data directory is {@code dataDirectory} (relative: under the checkout). */
    static LocalSigningKey keyOf(Path dataDirectory) {
        Path data = dataDirectory.isAbsolute() ? dataDirectory : RepositoryRoot.locate().resolve(dataDirectory);
        return LocalSigningKey.in(Platform.signingKeyDirectory(data));
    }

    static void print(PrintWriter out, LocalSigningKey key) {
        out.printf("%nDevelopment tokens (tenant %s, valid %d h; ./tandem token makes others):%n", DEMO_TENANT,
                DEV_TTL.toHours());
        for (String role : ROLES) {
            out.printf("  %-8s %s%n", role, key.token(DEMO_TENANT, Set.of(role), DEV_TTL));
        }
        out.printf("  e.g. curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8083/v1/accounts%n");
    }
}
