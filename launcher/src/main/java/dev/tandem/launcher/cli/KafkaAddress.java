package dev.tandem.launcher.cli;

import dev.tandem.launcher.platform.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local run's Kafka listens (a free port chosen at start), kept in its data directory so that commands
 * run beside it ({@code ./tandem rejected}) find it without being told.
 */
final class KafkaAddress {

    private static final String FILE = "kafka-bootstrap-servers";

    private KafkaAddress() {
    }

    static void write(Path dataDirectory, String bootstrapServers) {
        try {
            Files.writeString(dataDirectory.resolve(FILE), bootstrapServers);
        } catch (IOException e) {
            // only a convenience for other commands: they can be told the address
        }
    }

    /** The address of the local run whose data directory this is, or null when none was started there. */
    static String read(Path dataDirectory) {
        Path data = dataDirectory.isAbsolute() ? dataDirectory : RepositoryRoot.locate().resolve(dataDirectory);
        try {
            return Files.readString(data.resolve(FILE)).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
