package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessProbeTest {

    @TempDir
    Path directory;

    private HttpServer health;
    private final AtomicInteger checks = new AtomicInteger();
    private volatile int readyAfterChecks;
    private final List<String> ready = new ArrayList<>();
    private final List<ServiceProcess> started = new ArrayList<>();
    private ReadinessProbe probe;

    @BeforeEach
    void startHealthEndpoint() throws Exception {
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext(ServiceDefinition.HEALTH_PATH, exchange -> {
            int status = checks.incrementAndGet() > readyAfterChecks ? 200 : 503;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        health.start();
        probe = new ReadinessProbe(HttpClient.newHttpClient(), new PlatformListener() {
            @Override
            public void serviceReady(ServiceDefinition service, Duration sinceStart) {
                ready.add(service.name());
            }
        });
    }

    @AfterEach
    void stop() {
        health.stop(0);
        started.forEach(process -> {
            process.requestStop();
            process.awaitStopped(Duration.ofSeconds(5));
        });
    }

    private ServiceProcess service(ServiceDefinition definition, String script) {
        ServiceProcess process = ChildProcesses.start(definition, health.getAddress().getPort(), directory, script);
        started.add(process);
        return process;
    }

    @Test
    void waitsUntilTheHealthCheckAnswers200() throws Exception {
        readyAfterChecks = 3;
        ServiceProcess process = service(ServiceCatalog.INGEST, "exec sleep 60");

        probe.awaitAll(List.of(process), Duration.ofSeconds(20), () -> false);

        assertThat(checks.get()).isEqualTo(4);
        assertThat(ready).containsExactly("journey-ingest");
    }

    @Test
    void failsFastNamingTheServiceThatExitedAndQuotingItsLog() {
        readyAfterChecks = Integer.MAX_VALUE;
        ServiceProcess process = service(ServiceCatalog.STATE,
                "echo 'Failed to start: Flyway could not connect to the database'; exit 1");
        process.onExit().join();

        long before = System.nanoTime();
        assertThatThrownBy(() -> probe.awaitAll(List.of(process), Duration.ofMinutes(1), () -> false))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("journey-state exited with code 1")
                .hasMessageContaining("Flyway could not connect")
                .hasMessageContaining("journey-state.log");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void timesOutNamingTheServicesNotReady() {
        readyAfterChecks = Integer.MAX_VALUE;
        ServiceProcess kpi = service(ServiceCatalog.KPI, "echo 'still migrating'; exec sleep 60");
        ServiceProcess designer = service(ServiceCatalog.DESIGNER, "exec sleep 60");

        assertThatThrownBy(() -> probe.awaitAll(List.of(kpi, designer), Duration.ofSeconds(1), () -> false))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("kpi-projector did not answer")
                .hasMessageContaining("within 1 s")
                .hasMessageContaining("nor did interaction-designer-api")
                .hasMessageContaining("still migrating");
    }

    @Test
    void noAnswerMeansNotReady() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(probe.isReady(java.net.URI.create("http://127.0.0.1:" + closedPort
                + ServiceDefinition.HEALTH_PATH))).isFalse();
    }
}
