package dev.tandem.launcher.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Waits until every service answers its readiness check with 200. Fails fast when one exits, and names the
 * ones still missing when the time is up.
 */
public final class ReadinessProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);

    private final HttpClient http;
    private final PlatformListener listener;

    public ReadinessProbe(HttpClient http, PlatformListener listener) {
        this.http = http;
        this.listener = listener;
    }

    /**
     * Blocks until all answer ready, or throws {@link ServiceStartException}.
     *
     * @param cancelled polled between rounds; true ends the wait (the platform is being stopped)
     */
    public void awaitAll(List<ServiceProcess> services, Duration timeout, BooleanSupplier cancelled)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextProgress = started + PROGRESS_INTERVAL.toNanos();
        Map<String, ServiceProcess> waiting = new LinkedHashMap<>();
        services.forEach(service -> waiting.put(service.name(), service));
        while (!waiting.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                throw new ServiceStartException("stopped while waiting for " + String.join(", ", waiting.keySet()));
            }
            for (ServiceProcess service : new ArrayList<>(waiting.values())) {
                if (!service.isAlive()) {
                    throw ServiceStartException.of(service, "exited with code " + service.exitValue()
                            + " before it was ready");
                }
                if (isReady(service.launch().healthUri())) {
                    waiting.remove(service.name());
                    listener.serviceReady(service.launch().service(), Duration.ofNanos(System.nanoTime() - started));
                }
            }
            long now = System.nanoTime();
            if (waiting.isEmpty()) {
                return;
            }
            if (now > deadline) {
                ServiceProcess first = waiting.values().iterator().next();
                throw ServiceStartException.of(first, "did not answer " + first.launch().healthUri() + " with 200 within "
                        + timeout.toSeconds() + " s" + alsoWaitingFor(waiting, first));
            }
            if (now > nextProgress) {
                listener.stillWaiting(List.copyOf(waiting.keySet()), Duration.ofNanos(now - started));
                nextProgress = now + PROGRESS_INTERVAL.toNanos();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** One check: 200 means ready; anything else, including no answer, means not yet. */
    public boolean isReady(URI healthUri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static String alsoWaitingFor(Map<String, ServiceProcess> waiting, ServiceProcess first) {
        List<String> others = waiting.keySet().stream().filter(name -> !name.equals(first.name())).toList();
        return others.isEmpty() ? "" : " (nor did " + String.join(", ", others) + ")";
    }
}
