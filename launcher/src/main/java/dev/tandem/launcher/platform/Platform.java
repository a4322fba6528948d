package dev.tandem.launcher.platform;

import dev.tandem.infra.LocalInfrastructure;
import dev.tandem.infra.LocalSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on this machine: the local infrastructure in this JVM and the four packaged services as
 * child processes. The one code path of {@code tandem up} and of the end-to-end tests.
 *
 * <p>{@link #close()} may come at any time, from any thread (Ctrl-C during start-up included): it stops
 * whatever has been started, services first, then the infrastructure they use.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final PlatformSettings settings;
    private final PlatformListener listener;
    private final HttpClient http;
    private final Object lifecycle = new Object();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "tandem-platform-shutdown");
    private LocalInfrastructure infrastructure;
    private InfrastructureAddresses addresses;
    private volatile boolean stopping;

    public Platform(PlatformSettings settings, PlatformListener listener, HttpClient http) {
        this.settings = settings;
        this.listener = listener;
        this.http = http;
    }

    public Platform(PlatformSettings settings, PlatformListener listener) {
        this(settings, listener, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /**
     * Starts infrastructure and services and waits until every service is ready.
     *
     * @throws ServiceStartException when a service does not come up (everything started is stopped again)
     * @throws IllegalStateException when something it needs is missing (packaged apps, free ports)
     */
    /** Where a run keeps its development signing key (kept across runs: printed tokens stay valid). */
    public static Path signingKeyDirectory(Path dataDirectory) {
        return dataDirectory.resolve("security");
    }

    /** The development signing key the services trust; available once started. */
    public LocalSigningKey signingKey() {
        if (infrastructure == null) {
            throw new IllegalStateException("the platform is not started");
        }
        return infrastructure.signingKey();
    }

    public Platform start() throws InterruptedException {
        checkPackagedApplications();
        checkPortsFree();
        // a killed test JVM or launcher must not leave services behind
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startInfrastructure();
            startServices();
            new ReadinessProbe(http, listener).awaitAll(List.copyOf(services), settings.readyTimeout(),
                    () -> stopping);
            services.forEach(this::reportUnexpectedExit);
            return this;
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void startInfrastructure() {
        synchronized (lifecycle) {
            // held for the few seconds this takes: a concurrent close() waits, then stops what came up
            ensureNotStopping();
            listener.infrastructureStarting();
            long started = System.nanoTime();
            // a fresh broker: journey-state's local stores of an earlier run must not outlive it
            Directories.deleteRecursively(settings.streamsStateDirectory());
            infrastructure = LocalInfrastructure.start(signingKeyDirectory(settings.dataDirectory()));
            Map<String, String> jdbcUrls = new LinkedHashMap<>();
            LocalInfrastructure.POSTGRES_DATABASES.forEach(db -> jdbcUrls.put(db, infrastructure.postgres().jdbcUrl(db)));
            addresses = new InfrastructureAddresses(infrastructure.kafkaBootstrapServers(), jdbcUrls,
                    infrastructure.mongoConnectionString());
            listener.infrastructureReady(addresses, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void startServices() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(settings.dataDirectory());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (ServiceDefinition service : ServiceCatalog.all()) {
            // the datasource names the service's own database; services without one drop it in ServiceLaunch
            Map<String, String> config = service.database().map(infrastructure::quarkusConfigFor)
                    .orElseGet(infrastructure::quarkusConfig);
            ServiceLaunch launch = ServiceLaunch.plan(service, settings, java, config, secrets);
            synchronized (lifecycle) {
                ensureNotStopping();
                listener.serviceStarting(service, launch.port(), launch.logFile());
                ServiceProcess process = ServiceProcess.start(launch, settings.dataDirectory());
                LOG.info("Started {} (pid {}) on port {}, log {}", service.name(), process.pid(), launch.port(),
                        launch.logFile());
                services.add(process);
            }
        }
    }

    private void reportUnexpectedExit(ServiceProcess service) {
        service.onExit().thenAccept(process -> {
            if (!stopping) {
                listener.serviceExited(service.launch().service(), process.exitValue(), service.launch().logFile());
            }
        });
    }

    private void ensureNotStopping() {
        if (stopping) {
            throw new ServiceStartException("the platform is being stopped");
        }
    }

    private void checkPackagedApplications() {
        List<Path> missing = RepositoryRoot.missingApplications(settings.repositoryRoot(), ServiceCatalog.all());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The packaged services are missing in " + settings.repositoryRoot() + ": "
                    + missing + ". Build them first: ./mvnw -DskipTests package (./tandem does it on first run), "
                    + "or ./mvnw verify for the end-to-end tests.");
        }
    }

    /** A busy port would make a service fail late, or worse, let another process answer its health check. */
    private void checkPortsFree() {
        for (ServiceDefinition service : ServiceCatalog.all()) {
            int port = settings.portOf(service);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " for " + service.name() + " is in use (is Tandem "
                        + "already running?). Stop what uses it or choose another port.");
            }
        }
        try {
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.logDirectory(), e);
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    public InfrastructureAddresses infrastructure() {
        if (addresses == null) {
            throw new IllegalStateException("not started");
        }
        return addresses;
    }

    public URI baseUri(ServiceDefinition service) {
        return URI.create("http://localhost:" + settings.portOf(service));
    }

    /** Health and metrics of the service, for operators. */
    public URI managementUri(ServiceDefinition service) {
        return URI.create("http://localhost:" + settings.managementPortOf(service));
    }

    /**
     * Each running service's resident memory in MiB ({@link ResidentMemory}), by service name in start order;
     * -1 for one that cannot be read.
     */
    public Map<String, Long> residentMbByService() {
        Map<String, Long> resident = new LinkedHashMap<>();
        running().forEach(service -> resident.put(service.name(), ResidentMemory.ofProcessMb(service.pid())));
        return resident;
    }

    /** The name under which {@link #cpuTimeByProcess()} reports this JVM (broker, MongoDB wire server, load). */
    public static final String LAUNCHER_PROCESS = "launcher (Kafka, MongoDB, load)";

    /**
     * CPU time (user + system) each process has used so far: every service, and this JVM, which hosts the Kafka
     * broker, the MongoDB wire server and whatever load a benchmark generates. A process whose time the OS does
     * not tell is left out.
     */
    public Map<String, java.time.Duration> cpuTimeByProcess() {
        Map<String, java.time.Duration> cpu = new LinkedHashMap<>();
        running().forEach(service -> cpuTimeOf(service.pid()).ifPresent(time -> cpu.put(service.name(), time)));
        cpuTimeOf(ProcessHandle.current().pid()).ifPresent(time -> cpu.put(LAUNCHER_PROCESS, time));
        return cpu;
    }

    /** CPU time (user + system) a process has used so far; empty when it ended or the OS does not tell. */
    public static java.util.Optional<java.time.Duration> cpuTimeOf(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration());
    }

    /** The services started so far, as of now. */
    private List<ServiceProcess> running() {
        synchronized (lifecycle) {
            return List.copyOf(services);
        }
    }

    /** True once {@link #close()} began. */
    public boolean isStopping() {
        return stopping;
    }

    /** Blocks until {@link #close()} has stopped everything (e.g. from the Ctrl-C shutdown hook). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops the services (SIGTERM, then kill after a grace period), then the infrastructure. Idempotent. */
    @Override
    public void close() {
        List<ServiceProcess> toStop;
        LocalInfrastructure toClose;
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(services);
            toClose = infrastructure;
        }
        listener.stopping();
        // all at once, then wait for each: four graceful shutdowns in parallel
        toStop.forEach(ServiceProcess::requestStop);
        toStop.forEach(ServiceProcess::awaitStopped);
        if (toClose != null) {
            toClose.close();
        }
        removeShutdownHook();
        listener.stopped();
        stopped.countDown();
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook is running or ran
        }
    }
}
