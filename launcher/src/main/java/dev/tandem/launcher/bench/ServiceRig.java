package dev.tandem.launcher.bench;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.LocalInfrastructure;
import dev.tandem.launcher.platform.Directories;
import dev.tandem.launcher.platform.Platform;
import dev.tandem.launcher.platform.PlatformListener;
import dev.tandem.launcher.platform.PlatformSettings;
import dev.tandem.launcher.platform.ReadinessProbe;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ResidentMemory;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.LocalSecrets;
import dev.tandem.launcher.platform.ServiceDefinition;
import dev.tandem.launcher.platform.ServiceLaunch;
import dev.tandem.launcher.platform.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local infrastructure plus the one service under test as a packaged child process that can be started, killed
 * (SIGKILL) and started again: journey-state for the drain benchmark and the crash test, interaction-designer-api
 * for the simulation benchmark. {@link Platform} runs all four services and keeps their processes to itself; this
 * uses the same parts ({@link ServiceLaunch}, {@link ServiceProcess}, {@link ReadinessProbe}).
 */
final class ServiceRig implements AutoCloseable {

    private PlatformSettings settings;
    private final LocalInfrastructure infrastructure;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> started = new ArrayList<>();
    private final ConsumerLag lag;
    private ServiceProcess state;

    private ServiceRig(PlatformSettings settings, LocalInfrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.lag = new ConsumerLag(infrastructure.kafkaBootstrapServers());
    }

    /**
     * A fresh data directory for one benchmark run, with the launcher's own log (the broker's chatter) going to a
     * file under it, so the console shows the figures; says where the logs are.
     */
    static Path benchDataDirectory(java.io.PrintWriter out) throws java.io.IOException {
        Path data = java.nio.file.Files.createTempDirectory("tandem-bench-");
        dev.tandem.launcher.platform.LauncherLog.writeTo(data.resolve("logs").resolve("launcher.log"));
        out.printf("Logs in %s%n", data.resolve("logs"));
        return data;
    }

    /**
     * A service's JVM options for a benchmark: its heap, the collector given unless {@code extra} names one (a JVM
     * takes one), then {@code extra}. The services' image runs them with ParallelGC (run-java.sh's default), the
     * collector the benchmarks take unless they say why not.
     */
    static List<String> jvmOptions(String heap, String collector, List<String> extra) {
        return jvmOptions(heap, collector, extra, false);
    }

    /**
     * As above; with {@code smallInitialHeap}, the service starts with tandem up's initial heap
     * ({@link PlatformSettings#INITIAL_HEAP}) unless {@code extra} sets one.
     */
    static List<String> jvmOptions(String heap, String collector, List<String> extra, boolean smallInitialHeap) {
        List<String> options = new java.util.ArrayList<>();
        if (smallInitialHeap && extra.stream().noneMatch(option -> option.startsWith("-Xms"))) {
            options.add(PlatformSettings.INITIAL_HEAP);
        }
        options.add("-Xmx" + heap);
        if (extra.stream().noneMatch(option -> option.startsWith("-XX:+Use") && option.endsWith("GC"))) {
            options.add(collector);
        }
        options.addAll(extra);
        return options;
    }

    /** Starts the infrastructure (a fresh Kafka broker); journey-state comes with {@link #startState}. */
    static ServiceRig start(Path repositoryRoot, Path dataDirectory, List<String> jvmOptions) {
        return start(repositoryRoot, dataDirectory, jvmOptions, ServiceCatalog.STATE);
    }

    /** Starts the infrastructure (a fresh Kafka broker); the service comes with {@link #startService}. */
    static ServiceRig start(Path repositoryRoot, Path dataDirectory, List<String> jvmOptions,
            ServiceDefinition service) {
        List<Path> missing = RepositoryRoot.missingApplications(repositoryRoot, List.of(service));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(service.name() + " is not packaged: " + missing
                    + ". Build it first: ./mvnw -pl " + service.name() + " package -DskipTests");
        }
        PlatformSettings settings = PlatformSettings.defaults(repositoryRoot).withDataDirectory(dataDirectory)
                .withServiceJvmOptions(jvmOptions);
        int[] ports = twoFreePorts();
        settings = settings.withPort(service, ports[0]).withManagementPort(service, ports[1]);
        // a fresh broker: journey-state's local stores of an earlier run must not outlive it
        Directories.deleteRecursively(settings.streamsStateDirectory());
        return new ServiceRig(settings, LocalInfrastructure.start());
    }

    /** Starts journey-state with extra system properties and waits until it answers ready. */
    void startState(List<String> extraProperties) throws InterruptedException {
        state = startService(ServiceCatalog.STATE, extraProperties);
    }

    /** Starts the service (the one the rig was started for) and waits until it answers ready. */
    ServiceProcess startService(ServiceDefinition service, List<String> extraProperties) throws InterruptedException {
        List<String> options = new ArrayList<>(settings.serviceJvmOptions());
        extraProperties.forEach(p -> options.add("-D" + p));
        Map<String, String> config = service.database()
                .map(infrastructure::quarkusConfigFor).orElseGet(infrastructure::quarkusConfig);
        ServiceLaunch launch = ServiceLaunch.plan(service, settings.withServiceJvmOptions(options),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                config, LocalSecrets.loadOrCreate(settings.dataDirectory()));
        ServiceProcess process = ServiceProcess.start(launch, settings.dataDirectory());
        started.add(process);
        new ReadinessProbe(http, new PlatformListener() { }).awaitAll(List.of(process), Duration.ofMinutes(2),
                () -> false);
        return process;
    }

    /** The service's HTTP address. */
    URI baseUri(ServiceDefinition service) {
        return URI.create("http://localhost:" + settings.portOf(service));
    }

    dev.tandem.infra.LocalSigningKey signingKey() {
        return infrastructure.signingKey();
    }

    /** SIGKILL: no shutdown hook, no graceful stop; whatever was in flight is lost. */
    void killState() throws InterruptedException {
        ProcessHandle.of(state.pid()).ifPresent(ProcessHandle::destroyForcibly);
        state.onExit().join();
    }

    String bootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** Writes the touchpoints to {@code tandem.touchpoints.v1}, keyed {@code tenant/account}, as fast as it can. */
    void prefill(List<TouchpointV1> touchpoints) {
        send(Topics.TOUCHPOINTS, touchpoints.stream().map(t -> Map.entry(EventKeys.account(t.tenantId(),
                t.accountKey()), EventJson.write(t))).toList());
    }

    /** Writes journey events to {@code tandem.journey-events.v1}, keyed {@code tenant/account}, as fast as it can. */
    void prefill(String topic, List<Map.Entry<String, String>> records) {
        send(topic, records);
    }

    private void send(String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(64 * 1024));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.flush();
        }
    }

    /** How far a consumer group got on a topic: its committed offsets against the topic's end. */
    ConsumerLag.Progress progress(String group, String topic) throws InterruptedException {
        return lag.progress(group, topic);
    }

    /** How far journey-state got: its committed offsets on the touchpoint topic against the topic's end. */
    ConsumerLag.Progress progress() throws InterruptedException {
        return lag.progress(ConsumerLag.STATE_GROUP, Topics.TOUCHPOINTS);
    }

    /** journey-state's Prometheus metrics, or empty if it does not answer. */
    String metrics() throws InterruptedException {
        URI uri = URI.create("http://localhost:" + settings.managementPortOf(ServiceCatalog.STATE)
                + ServiceDefinition.METRICS_PATH);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        }
    }

    /** journey-state's resident memory in MiB (heap, metaspace, code, RocksDB), from /proc; -1 where unknown. */
    long statePid() {
        return state.pid();
    }

    long stateResidentMb() {
        return ResidentMemory.ofProcessMb(state.pid());
    }

    Path logFile() {
        return settings.logFileOf(ServiceCatalog.STATE);
    }

    @Override
    public void close() {
        started.forEach(ServiceProcess::requestStop);
        started.forEach(ServiceProcess::awaitStopped);
        lag.close();
        infrastructure.close();
    }

    /** Two ports nobody listens on, held open together so they differ. */
    private static int[] twoFreePorts() {
        try (ServerSocket http = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            return new int[] {http.getLocalPort(), management.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
