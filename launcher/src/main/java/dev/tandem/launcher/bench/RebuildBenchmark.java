package dev.tandem.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.ServiceDefinition;
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
 * A projection rebuilt from the log, as an operator runs it: the topics it reads pre-filled with what the engine
 * makes of a touchpoint mix, its service as its own process projecting them live, then
 * {@code POST /v1/admin/rebuilds} while it runs. Two projections: kpi-projector's KPIs (from the journey events)
 * and interaction-designer-api's sellers' read model (from the contacts, account snapshots and journey events). The
 * rate is the rebuild job's own (records read over its time, the generation switch and catch-up included); what the
 * API answers before and after must be the same.
 */
public final class RebuildBenchmark {

    /** What to measure. */
    public record Spec(int touchpoints, int accounts, List<String> jvmOptions) {
    }

    /** What was measured for one projection. */
    public record Result(String projection, long events, long eventsPerSecond, double seconds, boolean equalsLive,
            double liveSeconds) {

        /** The KPI rebuild's keys are issue 9's ({@code rebuildEventsPerSec}); the designer's are prefixed. */
        public Map<String, Object> figures() {
            String prefix = "kpi".equals(projection) ? "rebuild" : "designerRebuild";
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(prefix + ("kpi".equals(projection) ? "EventsPerSec" : "RecordsPerSec"), eventsPerSecond);
            figures.put(prefix + ("kpi".equals(projection) ? "Events" : "Records"), events);
            figures.put(prefix + "Seconds", seconds);
            figures.put(prefix + "EqualsLive", equalsLive);
            figures.put(prefix + "LiveProjectionSeconds", liveSeconds);
            return figures;
        }
    }

    /** The log a touchpoint mix leaves: journey events, account snapshots (one per touchpoint), contact profiles. */
    record Log(List<JourneyEventV1> events, List<AccountSnapshotV1> snapshots, List<ContactProfileV1> contacts) {
    }

    private static final String TENANT = "bench";

    private RebuildBenchmark() {
    }

    /** The KPI projection. */
    public static Result run(Spec spec, PrintWriter out) throws Exception {
        return run(spec, out, ServiceCatalog.KPI, "kpi", List.of(Topics.JOURNEY_EVENTS),
                List.of("/v1/kpis/outcomes", "/v1/kpis/funnel"), "analyst");
    }

    /** The sellers' read model. */
    public static Result runDesigner(Spec spec, PrintWriter out) throws Exception {
        return run(spec, out, ServiceCatalog.DESIGNER, "designer",
                List.of(Topics.CONTACTS, Topics.ACCOUNT_SNAPSHOTS, Topics.JOURNEY_EVENTS), List.of(), "seller");
    }

    private static Result run(Spec spec, PrintWriter out, ServiceDefinition service, String projection,
            List<String> topics, List<String> reports, String readerRole) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = ServiceRig.benchDataDirectory(out);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(spec.jvmOptions());
        try (ServiceRig rig = ServiceRig.start(root, data, jvm, service)) {
            long fill = System.nanoTime();
            Log log = log(spec);
            long records = 0;
            for (String topic : topics) {
                records += prefill(rig, topic, log);
            }
            out.printf("Pre-filled %,d records of %s (from %,d touchpoints of %,d accounts) in %.1f s%n", records,
                    String.join(", ", topics), spec.touchpoints(), spec.accounts(), (System.nanoTime() - fill) / 1e9);
            out.flush();
            rig.startService(service, List.of());
            double liveSeconds = awaitLiveProjection(rig, service.name(), topics, out);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = rig.baseUri(service);
            String reader = rig.signingKey().token(TENANT, Set.of(readerRole), Duration.ofHours(1));
            String before = "kpi".equals(projection) ? reports(http, base, reports, reader)
                    : sellerViews(http, base, reader, spec.accounts());
            JsonNode job = new RebuildClient(http, base, rig.signingKey().token(TENANT, Set.of("operator"),
                    Duration.ofHours(1))).rebuild(projection, out, Duration.ofSeconds(2), Duration.ofMinutes(30));
            if (!"done".equals(job.path("state").asText())) {
                throw new IllegalStateException("the rebuild failed: " + job.path("error").asText());
            }
            String after = "kpi".equals(projection) ? reports(http, base, reports, reader)
                    : sellerViews(http, base, reader, spec.accounts());
            double seconds = Duration.between(java.time.Instant.parse(job.path("startedAt").asText()),
                    java.time.Instant.parse(job.path("finishedAt").asText())).toMillis() / 1000.0;
            Result result = new Result(projection, job.path("eventsRead").asLong(),
                    job.path("eventsPerSecond").asLong(), Math.round(seconds * 10) / 10.0, before.equals(after),
                    liveSeconds);
            out.printf("Rebuilt %,d records in %.1f s = %,d records/s; %s after the rebuild %s the live ones%n",
                    result.events(), result.seconds(), result.eventsPerSecond(),
                    "kpi".equals(projection) ? "KPIs" : "seller views",
                    result.equalsLive() ? "equal" : "DIFFER FROM");
            out.flush();
            return result;
        }
    }

    /**
     * What journey-state would write for the touchpoint mix: each account's touchpoints applied in order, with the
     * snapshot after each, and a profile per contact (in the clear: the vault's part is not measured here).
     */
    static Log log(Spec spec) {
        List<TouchpointV1> touchpoints = TouchpointMix.generate(TENANT, spec.touchpoints(), spec.accounts(), 0.02,
                42);
        Map<String, AccountJourney> journeys = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, ContactProfileV1> contacts = new LinkedHashMap<>();
        List<JourneyEventV1> events = new ArrayList<>(touchpoints.size() * 3);
        List<AccountSnapshotV1> snapshots = new ArrayList<>(touchpoints.size());
        for (TouchpointV1 touchpoint : touchpoints) {
            if (!seen.add(touchpoint.accountKey() + "/" + touchpoint.id())) {
                continue; // journey-state drops resends
            }
            AccountJourney journey = journeys.computeIfAbsent(touchpoint.accountKey(), account ->
                    AccountJourney.start(TENANT, account, JourneyContext.defaults(TENANT)));
            events.addAll(journey.apply(touchpoint));
            snapshots.add(journey.snapshot());
            contacts.computeIfAbsent(touchpoint.contactKey(), key -> new ContactProfileV1(TENANT, key,
                    key + "@bench.example.com", "Contact " + key, touchpoint.contactTitle(), touchpoint.occurredAt()));
        }
        return new Log(events, snapshots, List.copyOf(contacts.values()));
    }

    private static long prefill(ServiceRig rig, String topic, Log log) {
        List<Map.Entry<String, String>> records = switch (topic) {
            case Topics.JOURNEY_EVENTS -> log.events().stream().map(e -> Map.entry(
                    EventKeys.account(e.tenantId(), e.accountKey()), EventJson.write(e))).toList();
            case Topics.ACCOUNT_SNAPSHOTS -> log.snapshots().stream().map(s -> Map.entry(
                    EventKeys.account(s.tenantId(), s.accountKey()), EventJson.write(s))).toList();
            case Topics.CONTACTS -> log.contacts().stream().map(c -> Map.entry(
                    EventKeys.contact(c.tenantId(), c.contactKey()), EventJson.write(c))).toList();
            default -> throw new IllegalArgumentException(topic);
        };
        rig.prefill(topic, records);
        return records.size();
    }

    /** Waits until the service's consumer group committed every topic whole; answers how long that took, in s. */
    private static double awaitLiveProjection(ServiceRig rig, String group, List<String> topics, PrintWriter out)
            throws InterruptedException {
        long start = System.nanoTime();
        for (String topic : topics) {
            while (true) {
                ConsumerLag.Progress progress = rig.progress(group, topic);
                if (progress.drained()) {
                    break;
                }
                if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
                    throw new IllegalStateException("the live projection did not catch up with " + topic + ": lag "
                            + progress.lag());
                }
                Thread.sleep(500);
            }
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
        out.printf("The live projection caught up in %.1f s%n", seconds);
        out.flush();
        return seconds;
    }

    private static String reports(HttpClient http, URI base, List<String> paths, String token) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (String path : paths) {
            answers.append(get(http, base.resolve(path), token));
        }
        return answers.toString();
    }

    /**
     * What sellers see that does not move with the clock: every account of the list in account-key order (stored
     * stage, momentum, committee size…), and the committee and timeline of the first hundred accounts' journeys.
     */
    private static String sellerViews(HttpClient http, URI base, String token, int accounts) throws Exception {
        StringBuilder views = new StringBuilder();
        String cursor = null;
        do {
            JsonNode page = EventJson.mapper().readTree(get(http, base.resolve("/v1/accounts?sort=accountKey&limit=200"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                            java.nio.charset.StandardCharsets.UTF_8))), token));
            views.append(page.path("accounts"));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        for (int a = 0; a < Math.min(100, accounts); a++) {
            JsonNode journey = EventJson.mapper().readTree(get(http, base.resolve("/v1/accounts/account-" + a
                    + "/journey"), token));
            views.append(journey.path("committee")).append(journey.path("timeline"));
        }
        return views.toString();
    }

    private static String get(HttpClient http, URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
