package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLaunchTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final LocalSecrets SECRET = new LocalSecrets("a-local-secret-of-some-length",
            "a-key-encryption-key-of-32-bytes-in-base64-xx");

    private final PlatformSettings settings = PlatformSettings.defaults(ROOT)
            .withPort(ServiceCatalog.DESIGNER, 9183)
            .withDataDirectory(Path.of("/data"));

    /** What LocalInfrastructure.quarkusConfigFor(database) gives. */
    private static Map<String, String> infrastructureConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", "localhost:39092");
        config.put("quarkus.datasource.reactive.url", "postgresql://localhost:5433/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5433/" + database);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:27018");
        config.put("tandem.vault.url", "postgresql://localhost:5433/vault");
        config.put("tandem.vault.username", "postgres");
        return config;
    }

    private ServiceLaunch plan(ServiceDefinition service) {
        return ServiceLaunch.plan(service, settings, JAVA, infrastructureConfig(service.database().orElse("x")), SECRET);
    }

    @Test
    void runsThePackagedJarWithEveryOptionBeforeTheJar() {
        ServiceLaunch launch = plan(ServiceCatalog.DESIGNER);
        List<String> command = launch.command();

        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly("-jar", "/repo/interaction-designer-api/target/quarkus-app/quarkus-run.jar");
        assertThat(command.subList(1, command.size() - 2))
                .allSatisfy(option -> assertThat(option).startsWith("-"))
                .containsAll(PlatformSettings.DEFAULT_SERVICE_JVM_OPTIONS);
    }

    @Test
    void usesTheConfiguredPort() {
        assertThat(plan(ServiceCatalog.DESIGNER).command()).contains("-Dquarkus.http.port=9183");
        assertThat(plan(ServiceCatalog.INGEST).command()).contains("-Dquarkus.http.port=8081");
        // health is on the management port, the HTTP port's plus 1000 unless set
        assertThat(plan(ServiceCatalog.DESIGNER).healthUri()).hasToString("http://localhost:9083/q/health/ready");
        assertThat(plan(ServiceCatalog.DESIGNER).command()).contains("-Dquarkus.management.port=9083",
                "-Dquarkus.http.port=9183");
    }

    @Test
    void journeyStateGetsKafkaAndAStoreDirectoryInTheDataDirectoryButNoDatabaseOrMongo() {
        assertThat(plan(ServiceCatalog.STATE).command())
                .contains("-Dkafka.bootstrap.servers=localhost:39092",
                        "-Dtandem.state.streams.state-dir=/data/journey-state-streams")
                .noneMatch(option -> option.startsWith("-Dquarkus.mongodb"))
                .noneMatch(option -> option.startsWith("-Dquarkus.datasource"));
    }

    @Test
    void designerGetsItsOwnDatabaseAndMongo() {
        assertThat(plan(ServiceCatalog.DESIGNER).command())
                .contains("-Dquarkus.datasource.reactive.url=postgresql://localhost:5433/designer",
                        "-Dquarkus.mongodb.connection-string=mongodb://127.0.0.1:27018");
    }

    @Test
    void ingestGetsItsOwnDatabaseForApiKeysButNoMongo() {
        assertThat(plan(ServiceCatalog.INGEST).command())
                .contains("-Dquarkus.datasource.reactive.url=postgresql://localhost:5433/ingest",
                        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5433/ingest",
                        "-Dkafka.bootstrap.servers=localhost:39092")
                .noneMatch(option -> option.startsWith("-Dquarkus.mongodb"));
    }

    @Test
    void servicesWithoutDatabaseGetNoDatasource() {
        assertThat(plan(ServiceCatalog.KPI).command())
                .noneMatch(option -> option.startsWith("-Dquarkus.datasource"))
                .contains("-Dquarkus.mongodb.connection-string=mongodb://127.0.0.1:27018");
    }

    @Test
    void eachServiceGetsTheSecretsItUsesAndNeverOnTheCommandLine() {
        ServiceLaunch ingest = plan(ServiceCatalog.INGEST);
        assertThat(ingest.environment()).containsOnly(
                Map.entry("TANDEM_INGEST_PSEUDONYM_SECRET", SECRET.pseudonymSecret()),
                Map.entry("TANDEM_VAULT_KEY_ENCRYPTION_KEY", SECRET.vaultKeyEncryptionKey()));
        for (ServiceDefinition service : ServiceCatalog.all()) {
            assertThat(plan(service).command()).noneMatch(option -> option.contains(SECRET.pseudonymSecret())
                    || option.contains(SECRET.vaultKeyEncryptionKey()));
        }
        assertThat(plan(ServiceCatalog.STATE).environment())
                .containsOnly(Map.entry("TANDEM_VAULT_KEY_ENCRYPTION_KEY", SECRET.vaultKeyEncryptionKey()));
        assertThat(plan(ServiceCatalog.DESIGNER).environment()).containsOnlyKeys("TANDEM_VAULT_KEY_ENCRYPTION_KEY");
        assertThat(plan(ServiceCatalog.KPI).environment()).isEmpty();
    }

    @Test
    void onlyTheServicesThatUseTheVaultAreToldWhereItIs() {
        assertThat(plan(ServiceCatalog.STATE).command())
                .contains("-Dtandem.vault.url=postgresql://localhost:5433/vault");
        assertThat(plan(ServiceCatalog.KPI).command()).noneMatch(option -> option.startsWith("-Dtandem.vault."));
    }

    @Test
    void aPlannedDatabaseIsLeftOutWhileThePackagedServiceHasNoDatasourceExtension(@TempDir Path root)
            throws Exception {
        Path designerLibs = Files.createDirectories(
                ServiceCatalog.DESIGNER.packagedApplication(root).resolveSibling("lib").resolve("main"));
        Files.createFile(designerLibs.resolve("io.quarkus.quarkus-mongodb-client-3.34.1.jar"));
        PlatformSettings packaged = PlatformSettings.defaults(root);

        assertThat(ServiceLaunch.plan(ServiceCatalog.DESIGNER, packaged, JAVA, infrastructureConfig("designer"), SECRET)
                .command()).noneMatch(option -> option.startsWith("-Dquarkus.datasource"))
                .contains("-Dquarkus.mongodb.connection-string=mongodb://127.0.0.1:27018");
        Files.createFile(designerLibs.resolve("io.quarkus.quarkus-datasource-3.34.1.jar"));
        assertThat(ServiceLaunch.plan(ServiceCatalog.DESIGNER, packaged, JAVA, infrastructureConfig("designer"), SECRET)
                .command()).contains("-Dquarkus.datasource.reactive.url=postgresql://localhost:5433/designer");
    }

    @Test
    void logsToTheDataDirectory() {
        assertThat(plan(ServiceCatalog.KPI).logFile()).isEqualTo(Path.of("/data/logs/kpi-projector.log"));
    }
}
