package dev.tandem.launcher.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the platform.
 *
 * @param repositoryRoot     the checkout holding the packaged services
 * @param dataDirectory      logs and the pseudonymisation secret live here
 * @param ports              HTTP port per service name (the API, OpenAPI and Swagger UI)
 * @param managementPorts    management port per service name (health and metrics, for operators)
 * @param readyTimeout       how long every service together may take to answer ready
 * @param serviceJvmOptions  options for each service's JVM (before {@code -jar})
 */
public record PlatformSettings(
        Path repositoryRoot,
        Path dataDirectory,
        Map<String, Integer> ports,
        Map<String, Integer> managementPorts,
        Duration readyTimeout,
        List<String> serviceJvmOptions) {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(3);
    public static final String DEFAULT_DATA_DIRECTORY_NAME = ".tandem";

    /** The services' initial heap (why: {@link #DEFAULT_SERVICE_JVM_OPTIONS}). */
    public static final String INITIAL_HEAP = "-Xms64m";

    /**
     * Four JVMs and a broker share two cores on a laptop or CI box: a small heap each, the serial collector, and
     * C1 only, which starts a Quarkus service markedly faster and is plenty for local traffic. The initial heap is
     * set small because the JVM's default is 1/64 of the machine's memory (384 MB on 24 GB): every service then
     * committed its whole heap at once and under load touched it all (a projector at 500/s held 620 MB resident
     * with 45 MB of old generation in use); from 64 MB the serial collector grows the heap only as it needs.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of(PlatformSettings.INITIAL_HEAP, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public PlatformSettings {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        managementPorts = Map.copyOf(managementPorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        for (ServiceDefinition service : ServiceCatalog.all()) {
            for (Integer port : new Integer[] {ports.get(service.name()), managementPorts.get(service.name())}) {
                if (port == null || port < 1 || port > 65535) {
                    throw new IllegalArgumentException("no valid port for " + service.name() + ": " + port);
                }
            }
        }
        List<Integer> all = new java.util.ArrayList<>(ports.values());
        all.addAll(managementPorts.values());
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("each service needs a port of its own for its API and one for "
                    + "management: " + ports + ", management " + managementPorts);
        }
    }

    /** The default ports, {@value #DEFAULT_DATA_DIRECTORY_NAME} under the root, three minutes to get ready. */
    public static PlatformSettings defaults(Path repositoryRoot) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        ServiceCatalog.all().forEach(service -> {
            ports.put(service.name(), service.defaultPort());
            managementPorts.put(service.name(), service.defaultManagementPort());
        });
        return new PlatformSettings(repositoryRoot, repositoryRoot.resolve(DEFAULT_DATA_DIRECTORY_NAME), ports,
                managementPorts, DEFAULT_READY_TIMEOUT, DEFAULT_SERVICE_JVM_OPTIONS);
    }

    public int portOf(ServiceDefinition service) {
        return ports.get(service.name());
    }

    public int managementPortOf(ServiceDefinition service) {
        return managementPorts.get(service.name());
    }

    public Path logFileOf(ServiceDefinition service) {
        return logDirectory().resolve(service.name() + ".log");
    }

    /** Where journey-state's Kafka Streams keeps its RocksDB stores (fresh with every fresh broker). */
    public Path streamsStateDirectory() {
        return dataDirectory.resolve("journey-state-streams");
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public PlatformSettings withPort(ServiceDefinition service, int port) {
        Map<String, Integer> changed = new LinkedHashMap<>(ports);
        changed.put(service.name(), port);
        return new PlatformSettings(repositoryRoot, dataDirectory, changed, managementPorts, readyTimeout,
                serviceJvmOptions);
    }

    public PlatformSettings withManagementPort(ServiceDefinition service, int port) {
        Map<String, Integer> changed = new LinkedHashMap<>(managementPorts);
        changed.put(service.name(), port);
        return new PlatformSettings(repositoryRoot, dataDirectory, ports, changed, readyTimeout, serviceJvmOptions);
    }

    /**
     * Every service on the given ports, two each (HTTP, management), in catalogue order, set together (so they may
     * trade places with the defaults): for {@code tandem up}'s options, tests and benchmarks.
     */
    public PlatformSettings withPorts(List<Integer> given) {
        if (given.size() < 2 * ServiceCatalog.all().size()) {
            throw new IllegalArgumentException("two ports per service are needed, got " + given);
        }
        Map<String, Integer> http = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        int i = 0;
        for (ServiceDefinition service : ServiceCatalog.all()) {
            http.put(service.name(), given.get(i++));
            management.put(service.name(), given.get(i++));
        }
        return new PlatformSettings(repositoryRoot, dataDirectory, http, management, readyTimeout, serviceJvmOptions);
    }

    public PlatformSettings withDataDirectory(Path directory) {
        return new PlatformSettings(repositoryRoot, directory, ports, managementPorts, readyTimeout,
                serviceJvmOptions);
    }

    public PlatformSettings withReadyTimeout(Duration timeout) {
        return new PlatformSettings(repositoryRoot, dataDirectory, ports, managementPorts, timeout,
                serviceJvmOptions);
    }

    public PlatformSettings withServiceJvmOptions(List<String> options) {
        return new PlatformSettings(repositoryRoot, dataDirectory, ports, managementPorts, readyTimeout, options);
    }
}
