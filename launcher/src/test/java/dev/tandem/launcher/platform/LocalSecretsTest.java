package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.pii.KeyWrapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void areCreatedOnceAndThenKeptSoContactKeysAndSealedDataStayReadable() {
        LocalSecrets first = LocalSecrets.loadOrCreate(dataDirectory.resolve("fresh"));
        LocalSecrets second = LocalSecrets.loadOrCreate(dataDirectory.resolve("fresh"));

        assertThat(first.pseudonymSecret()).hasSizeGreaterThanOrEqualTo(LocalSecrets.MIN_LENGTH)
                .isEqualTo(second.pseudonymSecret());
        assertThat(first.vaultKeyEncryptionKey()).isEqualTo(second.vaultKeyEncryptionKey())
                .isNotEqualTo(first.pseudonymSecret());
        assertThat(LocalSecrets.loadOrCreate(dataDirectory.resolve("other"))).isNotEqualTo(first);
        // what the services demand of a key-encryption key: 32 bytes of base64
        new KeyWrapping(first.vaultKeyEncryptionKey());
        assertThat(first.toString()).doesNotContain(first.pseudonymSecret());
    }

    @Test
    void onlyTheirOwnerMayReadThem() throws Exception {
        LocalSecrets.loadOrCreate(dataDirectory);
        for (String file : new String[] {LocalSecrets.PSEUDONYM_FILE, LocalSecrets.KEY_ENCRYPTION_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve(file))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void refusesASecretTooShortForIngest() throws Exception {
        Files.writeString(dataDirectory.resolve(LocalSecrets.PSEUDONYM_FILE), "short\n");
        assertThatThrownBy(() -> LocalSecrets.loadOrCreate(dataDirectory)).hasMessageContaining("shorter than 16");
    }
}
