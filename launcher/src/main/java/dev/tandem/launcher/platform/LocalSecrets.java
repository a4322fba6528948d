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
 * The local platform's secrets, generated on first use and kept in the data directory (owner-only files), so the
 * same email gets the same contact key and sealed data stays readable run after run. Deploy/ takes them from the
 * environment instead.
 *
 * @param pseudonymSecret        journey-ingest's key for pseudonymous contact keys
 * @param vaultKeyEncryptionKey  the key that wraps contact data keys in the vault (base64 of 32 bytes), for every
 *                               service that seals or opens personal data
 */
public record LocalSecrets(String pseudonymSecret, String vaultKeyEncryptionKey) {

    static final String PSEUDONYM_FILE = "pseudonym-secret";
    static final String KEY_ENCRYPTION_KEY_FILE = "vault-key-encryption-key";
    /** What journey-ingest demands of its pseudonymisation secret. */
    static final int MIN_LENGTH = 16;

    public static LocalSecrets loadOrCreate(Path dataDirectory) {
        return new LocalSecrets(secretIn(dataDirectory.resolve(PSEUDONYM_FILE)),
                secretIn(dataDirectory.resolve(KEY_ENCRYPTION_KEY_FILE)));
    }

    /** 32 random bytes as url-safe base64, from {@code file} (made if missing). */
    private static String secretIn(Path file) {
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

    @Override
    public String toString() {
        return "LocalSecrets[not shown]";
    }
}
