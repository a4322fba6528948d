package dev.tandem.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.rebuild.RebuildClient;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI projection rebuilt from the log, as an operator runs it: a journey-event topic pre-filled with what the
 * engine makes of a touchpoint mix, kpi-projector as its own process projecting it live, then
 * {@code POST /v1/admin/rebuilds} while it runs. The rate is the rebuild job's own (events read over its time, the
 * generation switch and catch-up included); the summary before and after must be the same.
 */
public final class RebuildBenchmark {

    /** What to measure. */
    public record Spec(int touchpoints, int accounts, List<String> jvmOptions) {
    }

    /** What was measured. */
    public record Result(long events, long eventsPerSecond, double seconds, boolean equalsLive, double liveSeconds) {

        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rebuildEventsPerSec", eventsPerSecond);
            figures.put("rebuildEvents", events);
            figures.put("rebuildSeconds", seconds);
            figures.put("rebuildEqualsLive", equalsLive);
            figures.put("rebuildLiveProjectionSeconds", liveSeconds);
            return figures;
        }
    }

    private static final String TENANT = "bench";

    private RebuildBenchmark() {
    }

    public static Result run(Spec spec, PrintWriter out) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = ServiceRig.benchDataDirectory(out);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(spec.jvmOptions());
        try (ServiceRig rig = ServiceRig.start(root, data, jvm, ServiceCatalog.KPI)) {
            long fill = System.nanoTime();
            List<JourneyEventV1> log = journeyEvents(spec);
            rig.prefillJourneyEvents(log);
            out.printf("Pre-filled %,d journey events (from %,d touchpoints of %,d accounts) in %.1f s%n", log.size(),
                    spec.touchpoints(), spec.accounts(), (System.nanoTime() - fill) / 1e9);
            out.flush();
            rig.startService(ServiceCatalog.KPI, List.of());
            double liveSeconds = awaitLiveProjection(rig, out);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = rig.baseUri(ServiceCatalog.KPI);
            String analyst = rig.signingKey().token(TENANT, Set.of("analyst"), Duration.ofHours(1));
            String before = get(http, base.resolve("/v1/kpis/outcomes"), analyst)
                    + get(http, base.resolve("/v1/kpis/funnel"), analyst);
            JsonNode job = new RebuildClient(http, base, rig.signingKey().token(TENANT, Set.of("operator"),
                    Duration.ofHours(1))).rebuild("kpi", out, Duration.ofSeconds(2), Duration.ofMinutes(30));
            if (!"done".equals(job.path("state").asText())) {
                throw new IllegalStateException("the rebuild failed: " + job.path("error").asText());
            }
            String after = get(http, base.resolve("/v1/kpis/outcomes"), analyst)
                    + get(http, base.resolve("/v1/kpis/funnel"), analyst);
            double seconds = Duration.between(java.time.Instant.parse(job.path("startedAt").asText()),
                    java.time.Instant.parse(job.path("finishedAt").asText())).toMillis() / 1000.0;
            Result result = new Result(job.path("eventsRead").asLong(), job.path("eventsPerSecond").asLong(),
                    Math.round(seconds * 10) / 10.0, before.equals(after), liveSeconds);
            out.printf("Rebuilt %,d journey events in %.1f s = %,d events/s; KPIs after the rebuild %s the live ones%n",
                    result.events(), result.seconds(), result.eventsPerSecond(),
                    result.equalsLive() ? "equal" : "DIFFER FROM");
            out.flush();
            return result;
        }
    }

    /** What journey-state would write for the touchpoint mix: each account's touchpoints applied in order. */
    static List<JourneyEventV1> journeyEvents(Spec spec) {
        List<TouchpointV1> touchpoints = TouchpointMix.generate(TENANT, spec.touchpoints(), spec.accounts(), 0.02,
                42);
        Map<String, AccountJourney> journeys = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<JourneyEventV1> events = new ArrayList<>(touchpoints.size() * 3);
        for (TouchpointV1 touchpoint : touchpoints) {
            if (!seen.add(touchpoint.accountKey() + "/" + touchpoint.id())) {
                continue; // journey-state drops resends
            }
            events.addAll(journeys.computeIfAbsent(touchpoint.accountKey(), account -> AccountJourney.start(TENANT,
                    account, JourneyContext.defaults(TENANT))).apply(touchpoint));
        }
        return events;
    }

    /** Waits until kpi-projector committed the whole log; answers how long that took, in seconds. */
    private static double awaitLiveProjection(ServiceRig rig, PrintWriter out) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            ConsumerLag.Progress progress = rig.progress("kpi-projector", Topics.JOURNEY_EVENTS);
            if (progress.drained()) {
                double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
                out.printf("The live projection caught up in %.1f s%n", seconds);
                out.flush();
                return seconds;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
                throw new IllegalStateException("the live projection did not catch up: lag " + progress.lag());
            }
            Thread.sleep(500);
        }
    }

    private static String get(HttpClient http, URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
