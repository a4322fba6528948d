package dev.tandem.launcher.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Tandem service as the launcher runs it.
 *
 * @param name       the service's name, also its Maven module and its log file's name
 * @param module     the Maven module whose {@code target/quarkus-app} holds the packaged application
 * @param defaultPort the HTTP port {@code tandem up} uses unless told otherwise
 * @param database   the PostgreSQL database it owns, if any
 * @param usesMongo  whether it keeps a read model in MongoDB
 * @param usesVault  whether it seals or opens personal data with the contact key vault
 * @param api        what a user calls on it, for the URL table (empty when it serves no public API)
 */
public record ServiceDefinition(
        String name,
        String module,
        int defaultPort,
        Optional<String> database,
        boolean usesMongo,
        boolean usesVault,
        String api) {

    /**
     * Every service answers here, on its management port, with 200 once it can serve (Kafka, database and MongoDB
     * reachable).
     */
    public static final String HEALTH_PATH = "/q/health/ready";
    public static final String METRICS_PATH = "/q/metrics";
    /** {@code tandem up}'s management port of a service is its HTTP port plus this (8081 → 9081). */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** Where health and metrics are served unless told otherwise. */
    public int defaultManagementPort() {
        return defaultPort + MANAGEMENT_PORT_OFFSET;
    }

    /** Where {@code quarkus-maven-plugin} packages the application (fast-jar layout). */
    public Path packagedApplication(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /**
     * Whether the packaged application bundles a Quarkus extension, e.g. {@code quarkus-datasource}: its runtime
     * jar is in {@code lib/main}. When that cannot be told (no such directory), the answer is yes.
     */
    public boolean packagesExtension(Path repositoryRoot, String extensionArtifactId) {
        Path libraries = packagedApplication(repositoryRoot).resolveSibling("lib").resolve("main");
        if (!Files.isDirectory(libraries)) {
            return true;
        }
        String prefix = "io.quarkus." + extensionArtifactId + "-";
        try (Stream<Path> jars = Files.list(libraries)) {
            return jars.anyMatch(jar -> jar.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return true;
        }
    }
}
