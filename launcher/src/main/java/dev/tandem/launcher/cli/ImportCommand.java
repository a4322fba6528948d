package dev.tandem.launcher.cli;

import dev.tandem.launcher.importer.HistoryImport;
import dev.tandem.launcher.importer.ImportCheckpoint;
import dev.tandem.launcher.platform.PlatformSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Streams a history file to journey-ingest, resumable, with progress and per-record results. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a history of touchpoints from FILE: NDJSON (one JSON object per line) or CSV (a .csv "
                + "file with a header line; headers like contact.email or properties.campaign make nested fields). "
                + "Each record may be a native touchpoint, a CloudEvent or a Segment call (track, page, screen, "
                + "identify, group), told by its fields.",
                "Interrupted, the same command resumes after the last answered batch (FILE.import.json); each "
                        + "record is counted once. Rejected and unreadable records go with why to "
                        + "FILE.rejected.ndjson."})
final class ImportCommand implements Callable<Integer> {

    private static final int BAR = 30;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The history file.")
    Path file;

    @Option(names = "--ingest", defaultValue = "http://localhost:8081",
            description = "journey-ingest's address (default ${DEFAULT-VALUE}).")
    URI ingest;

    @Option(names = "--api-key", description = "An API key of the sending system (tdm_…, POST /v1/api-keys).")
    String apiKey;

    @Option(names = "--token", description = "A bearer token with role ingest (default: one signed with the local "
            + "run's key, for tenant dev and system import).")
    String token;

    @Option(names = "--batch-size", defaultValue = "500",
            description = "Records per request, 1 to 500 (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--restart", description = "Start from the beginning, forgetting an earlier run's checkpoint.")
    boolean restart;

    @Option(names = "--data-dir", defaultValue = PlatformSettings.DEFAULT_DATA_DIRECTORY_NAME,
            description = "The data directory of the local run whose key signs the default token (default "
                    + "${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.printf("No such file: %s%n", file);
            return 2;
        }
        if (batchSize < 1 || batchSize > 500) {
            err.println("--batch-size must be 1 to 500 (ingest takes at most 500 per request)");
            return 2;
        }
        String authorization = "Bearer " + (apiKey != null ? apiKey : token != null ? token
                : DevTokens.keyOf(dataDirectory).token(DevTokens.DEMO_TENANT, "import", Set.of("ingest"),
                        Duration.ofHours(12)));
        boolean resuming = !restart && ImportCheckpoint.load(file, ImportCheckpoint.fingerprintOf(file)).isPresent();
        out.printf("%s %s to %s…%n", resuming ? "Resuming the import of" : "Importing", file, ingest);
        boolean terminal = System.console() != null;
        long[] lastPrinted = {0};
        ImportCheckpoint result;
        try {
            result = HistoryImport.run(file, new HistoryImport.Settings(ingest, authorization, batchSize, 900 * 1024,
                    restart, Duration.ofMinutes(5)), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build(), status -> {
                        if (terminal || System.nanoTime() - lastPrinted[0] > 2_000_000_000L) {
                            out.print((terminal ? "\r" : "") + line(status) + (terminal ? "" : System.lineSeparator()));
                            out.flush();
                            lastPrinted[0] = System.nanoTime();
                        }
                    });
        } catch (IOException failed) {
            out.println();
            err.printf("The import stopped: %s%nRun the same command again to resume where it stopped.%n",
                    failed.getMessage());
            return 1;
        }
        out.printf("%nImported %s: %,d accepted, %,d duplicates, %,d rejected%s.%n", file, result.accepted(),
                result.duplicates(), result.rejected(), result.rejected() > 0
                        ? " (why: " + HistoryImport.rejectsFileOf(file) + ")" : "");
        return 0;
    }

    /** {@code [#####-----]  42%  12,345 accepted  3 duplicates  7 rejected  4,210 records/s}. */
    static String line(HistoryImport.Status status) {
        long total = Math.max(1, status.size());
        int filled = (int) Math.min(BAR, status.offset() * BAR / total);
        return String.format("  [%s%s] %3d%%  %,d accepted  %,d duplicates  %,d rejected  %,d records/s",
                "#".repeat(filled), "-".repeat(BAR - filled), Math.min(100, status.offset() * 100 / total),
                status.accepted(), status.duplicates(), status.rejected(), status.recordsPerSecond());
    }
}
