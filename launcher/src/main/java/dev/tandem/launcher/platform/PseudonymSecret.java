package dev.tandem.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local pseudonymisation secret of journey-ingest: generated on first use and kept in the data directory,
 * so the same email gets the same contact key run after run.
 */
public final class PseudonymSecret {

    static final String FILE_NAME = "pseudonym-secret";
    /** What journey-ingest demands of it. */
    static final int MIN_LENGTH = 16;

    private PseudonymSecret() {
    }

    public static String loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException(file + " holds a secret shorter than " + MIN_LENGTH
                        + " characters; delete it to get a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another launcher made it first: use theirs
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
