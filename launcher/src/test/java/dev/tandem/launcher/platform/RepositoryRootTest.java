package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {

    @TempDir
    Path checkout;

    @Test
    void walksUpFromTheWorkingDirectoryToTheDirectoryHoldingMvnw() throws Exception {
        Files.createFile(checkout.resolve("mvnw"));
        Path nested = Files.createDirectories(checkout.resolve("launcher/src/main"));

        assertThat(RepositoryRoot.locate(Map.of(), nested, Optional.empty())).isEqualTo(checkout);
    }

    @Test
    void tandemHomeWins() throws Exception {
        Files.createFile(checkout.resolve("mvnw"));
        Path elsewhere = Files.createDirectories(checkout.resolve("other"));
        Files.createFile(elsewhere.resolve("mvnw"));

        assertThat(RepositoryRoot.locate(Map.of("TANDEM_HOME", checkout.toString()), elsewhere, Optional.empty()))
                .isEqualTo(checkout);
    }

    @Test
    void aTandemHomeWithoutMvnwIsAnError() {
        assertThatThrownBy(() -> RepositoryRoot.locate(Map.of("TANDEM_HOME", checkout.toString()), checkout,
                Optional.empty())).hasMessageContaining("TANDEM_HOME").hasMessageContaining("mvnw");
    }

    @Test
    void fallsBackToTheLauncherJarsLocation() throws Exception {
        Files.createFile(checkout.resolve("mvnw"));
        Path jar = Files.createDirectories(checkout.resolve("launcher/target")).resolve("launcher-0.1.0.jar");
        Path unrelated = Path.of("/");

        assertThat(RepositoryRoot.locate(Map.of(), unrelated, Optional.of(jar))).isEqualTo(checkout);
    }

    @Test
    void namesThePackagedApplicationsThatAreMissing() throws Exception {
        Path ingestJar = ServiceCatalog.INGEST.packagedApplication(checkout);
        Files.createDirectories(ingestJar.getParent());
        Files.createFile(ingestJar);

        assertThat(RepositoryRoot.missingApplications(checkout, ServiceCatalog.all()))
                .containsExactly(Path.of("journey-state/target/quarkus-app/quarkus-run.jar"),
                        Path.of("interaction-designer-api/target/quarkus-app/quarkus-run.jar"),
                        Path.of("kpi-projector/target/quarkus-app/quarkus-run.jar"));
    }
}
