package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymSecretTest {

    @TempDir
    Path dataDirectory;

    @Test
    void isCreatedOnceAndThenKeptSoContactKeysStayStable() {
        String first = PseudonymSecret.loadOrCreate(dataDirectory.resolve("fresh"));
        String second = PseudonymSecret.loadOrCreate(dataDirectory.resolve("fresh"));

        assertThat(first).hasSizeGreaterThanOrEqualTo(PseudonymSecret.MIN_LENGTH).isEqualTo(second);
        assertThat(PseudonymSecret.loadOrCreate(dataDirectory.resolve("other"))).isNotEqualTo(first);
    }

    @Test
    void onlyItsOwnerMayReadIt() throws Exception {
        PseudonymSecret.loadOrCreate(dataDirectory);
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDirectory.resolve(PseudonymSecret.FILE_NAME)))).isEqualTo("rw-------");
    }

    @Test
    void refusesASecretTooShortForIngest() throws Exception {
        Files.writeString(dataDirectory.resolve(PseudonymSecret.FILE_NAME), "short\n");
        assertThatThrownBy(() -> PseudonymSecret.loadOrCreate(dataDirectory)).hasMessageContaining("shorter than 16");
    }
}
