package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where an import of a file stands, beside the file ({@code FILE.import.json}): the offset and line after the last
 * batch whose answer was counted, the counts so far, and how long the rejects file was then. Written whole to a
 * temporary file and moved over the old one after each batch, so an interruption at any point leaves the last
 * complete state. The fingerprint (size and SHA-256 of the first MiB) tells whether it is still the same file.
 */
public record ImportCheckpoint(String fingerprint, long offset, long line, long accepted, long duplicates,
        long rejected, long rejectsBytes) {

    public static ImportCheckpoint start(String fingerprint) {
        return new ImportCheckpoint(fingerprint, 0, 0, 0, 0, 0, 0);
    }

    public static Path fileOf(Path history) {
        return history.resolveSibling(history.getFileName() + ".import.json");
    }

    /** The checkpoint of an earlier import of this very file, if there is one. */
    public static Optional<ImportCheckpoint> load(Path history, String fingerprint) throws IOException {
        Path file = fileOf(history);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode stored = EventJson.mapper().readTree(file.toFile());
        ImportCheckpoint checkpoint = EventJson.mapper().treeToValue(stored, ImportCheckpoint.class);
        return fingerprint.equals(checkpoint.fingerprint()) ? Optional.of(checkpoint) : Optional.empty();
    }

    public void save(Path history) throws IOException {
        Path file = fileOf(history);
        Path next = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(next, EventJson.write(this));
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String fingerprintOf(Path history) throws IOException {
        try (InputStream in = Files.newInputStream(history)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(in.readNBytes(1 << 20));
            return Files.size(history) + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public ImportCheckpoint after(long nextOffset, long nextLine, long accepted, long duplicates, long rejected,
            long rejectsBytes) {
        return new ImportCheckpoint(fingerprint, nextOffset, nextLine, this.accepted + accepted,
                this.duplicates + duplicates, this.rejected + rejected, rejectsBytes);
    }
}
