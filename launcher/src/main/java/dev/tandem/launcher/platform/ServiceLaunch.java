package dev.tandem.launcher.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line and environment one service is started with. Pure: built from the settings and the
 * infrastructure's Quarkus configuration, so it can be checked without starting anything.
 *
 * @param service     the service
 * @param port        its HTTP port
 * @param managementPort its management port (health, metrics)
 * @param command     {@code java [jvm options] -Dkey=value… -jar quarkus-run.jar}
 * @param environment variables added to the launcher's own (secrets go here, not on the command line)
 * @param logFile     where its console output goes
 */
public record ServiceLaunch(
        ServiceDefinition service,
        int port,
        int managementPort,
        List<String> command,
        Map<String, String> environment,
        Path logFile) {

    /** journey-ingest reads its secret from here; an environment variable stays out of {@code ps} listings. */
    static final String PSEUDONYM_SECRET_VARIABLE = "TANDEM_INGEST_PSEUDONYM_SECRET";
    /** The services that seal or open personal data read the vault's key-encryption key from here. */
    static final String KEY_ENCRYPTION_KEY_VARIABLE = "TANDEM_VAULT_KEY_ENCRYPTION_KEY";

    private static final String DATASOURCE_PREFIX = "quarkus.datasource.";
    private static final String MONGO_PREFIX = "quarkus.mongodb.";
    private static final String VAULT_PREFIX = "tandem.vault.";

    public ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /**
     * Plans how to start {@code service}.
     *
     * @param infrastructureConfig the Quarkus properties pointing at the local infrastructure, with the datasource
     *                             already naming this service's database (see
     *                             {@code LocalInfrastructure.quarkusConfigFor})
     */
    public static ServiceLaunch plan(ServiceDefinition service, PlatformSettings settings, Path javaExecutable,
            Map<String, String> infrastructureConfig, LocalSecrets secrets) {
        int port = settings.portOf(service);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(settings.serviceJvmOptions());
        // the catalogue may plan a database before the service has the extension for it: then it gets none
        boolean datasource = service.database().isPresent()
                && service.packagesExtension(settings.repositoryRoot(), "quarkus-datasource");
        // system properties must precede -jar: whatever follows the jar is an argument to the application
        Map<String, String> properties = new TreeMap<>(systemProperties(service, port, datasource,
                infrastructureConfig));
        properties.put("quarkus.management.port", Integer.toString(settings.managementPortOf(service)));
        properties.putAll(dataProperties(service, settings));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(service.packagedApplication(settings.repositoryRoot()).toString());
        return new ServiceLaunch(service, port, settings.managementPortOf(service), command,
                secretsOf(service, secrets), settings.logFileOf(service));
    }

    /** Each service gets the secrets it uses, by environment, and no other. */
    static Map<String, String> secretsOf(ServiceDefinition service, LocalSecrets secrets) {
        Map<String, String> environment = new TreeMap<>();
        if (service.equals(ServiceCatalog.INGEST)) {
            environment.put(PSEUDONYM_SECRET_VARIABLE, secrets.pseudonymSecret());
        }
        if (service.usesVault()) {
            environment.put(KEY_ENCRYPTION_KEY_VARIABLE, secrets.vaultKeyEncryptionKey());
        }
        return environment;
    }

    /** Only the infrastructure a service uses (Quarkus warns about every configuration key it does not know). */
    static Map<String, String> systemProperties(ServiceDefinition service, int port, boolean datasource,
            Map<String, String> infrastructureConfig) {
        Map<String, String> properties = new TreeMap<>();
        infrastructureConfig.forEach((key, value) -> {
            boolean wanted = key.startsWith(DATASOURCE_PREFIX) ? datasource
                    : key.startsWith(VAULT_PREFIX) ? service.usesVault()
                    : !key.startsWith(MONGO_PREFIX) || service.usesMongo();
            if (wanted) {
                properties.put(key, value);
            }
        });
        properties.put("quarkus.http.port", Integer.toString(port));
        return properties;
    }

    /** What one service needs of the data directory: journey-state keeps its stores there. */
    static Map<String, String> dataProperties(ServiceDefinition service, PlatformSettings settings) {
        return service.equals(ServiceCatalog.STATE)
                ? Map.of("tandem.state.streams.state-dir", settings.streamsStateDirectory().toString())
                : Map.of();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Health and metrics: the management interface. */
    public URI managementUri() {
        return URI.create("http://localhost:" + managementPort);
    }

    public URI healthUri() {
        return managementUri().resolve(ServiceDefinition.HEALTH_PATH);
    }
}
