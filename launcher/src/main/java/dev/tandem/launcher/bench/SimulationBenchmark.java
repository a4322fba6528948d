package dev.tandem.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.TouchpointV1;
import dev.tandem.launcher.design.DesignerClient;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.launcher.platform.ResidentMemory;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.ServiceProcess;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.Stage;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulation of a draft journey over a recorded log, as a designer runs it: a pre-filled
 * {@code tandem.touchpoints.v1}, interaction-designer-api as its own process, a draft (the default journey with its
 * last three stages asking for momentum 45 instead of 30) simulated through the API beside the default journey. The
 * rate is the job's own: the tenant's touchpoints over the time from its start to its report.
 */
public final class SimulationBenchmark {

    /** What to measure. */
    public record Spec(int events, int accounts, String heap, List<String> jvmOptions) {
    }

    /** What was measured. */
    public record Result(long touchpoints, long accounts, long elapsedMillis, long moverCount, long residentMb) {

        public long rate() {
            return touchpoints * 1000 / Math.max(1, elapsedMillis);
        }

        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("simulationEventsPerSec", rate());
            figures.put("simulationTouchpoints", touchpoints);
            figures.put("simulationAccounts", accounts);
            figures.put("simulationSeconds", Math.round(elapsedMillis / 100.0) / 10.0);
            figures.put("simulationMovers", moverCount);
            return figures;
        }
    }

    private static final String TENANT = "bench";

    private SimulationBenchmark() {
    }

    public static Result run(Spec spec, PrintWriter out) throws Exception {
        Path root = RepositoryRoot.locate();
        Path data = ServiceRig.benchDataDirectory(out);
        // a throughput collector for a batch job (the live set is large: young collections under the serial
        // collector took a third of the time)
        List<String> jvm = ServiceRig.jvmOptions(spec.heap(), "-XX:+UseParallelGC", spec.jvmOptions());
        out.printf("Machine: %d cores, Java %s; interaction-designer-api %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), String.join(" ", jvm));
        try (ServiceRig rig = ServiceRig.start(root, data, jvm, ServiceCatalog.DESIGNER)) {
            long fill = System.nanoTime();
            List<TouchpointV1> log = TouchpointMix.generate(TENANT, spec.events(), spec.accounts(), 0.02, 42);
            rig.prefill(log);
            out.printf("Pre-filled %,d touchpoints over %,d accounts in %.1f s%n", log.size(), spec.accounts(),
                    (System.nanoTime() - fill) / 1e9);
            out.flush();
            log = null; // the launcher need not hold a million touchpoints while the service works
            ServiceProcess designer = rig.startService(ServiceCatalog.DESIGNER,
                    List.of("quarkus.log.category.\"dev.tandem\".level=INFO"));
            DesignerClient client = new DesignerClient(HttpClient.newHttpClient(),
                    rig.baseUri(ServiceCatalog.DESIGNER),
                    rig.signingKey().token(TENANT, Set.of("designer"), Duration.ofHours(2)));
            DesignerClient.Publication draft = client.publish(tightenedDefault(), true);
            if (!draft.publish().ok()) {
                throw new IllegalStateException("the draft was not saved: " + draft.publish().problems());
            }
            DesignerClient.Answer started = client.simulate(draft.journeyId());
            if (started.status() != 202) {
                throw new IllegalStateException("the simulation did not start: " + started.problems());
            }
            String id = started.body().path("id").asText();
            JsonNode job = awaitFinished(client, id, out);
            if (!"completed".equals(job.path("status").asText())) {
                throw new IllegalStateException("the simulation ended " + job.path("status").asText() + ": "
                        + job.path("error").asText());
            }
            Result result = new Result(job.path("touchpoints").asLong(), job.path("report").path("accounts").asLong(),
                    job.path("elapsedMillis").asLong(), job.path("report").path("moverCount").asLong(),
                    ResidentMemory.ofProcessMb(designer.pid()));
            out.printf("Simulated %,d touchpoints of %,d accounts in %.1f s = %,d touchpoints/s; %,d accounts would "
                    + "move; interaction-designer-api resident memory %,d MiB%n", result.touchpoints(),
                    result.accounts(), result.elapsedMillis() / 1000.0, result.rate(), result.moverCount(),
                    result.residentMb());
            out.flush();
            return result;
        }
    }

    private static JsonNode awaitFinished(DesignerClient client, String id, PrintWriter out)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long lastPrinted = 0;
        while (System.nanoTime() < deadline) {
            JsonNode job = client.simulation(id).body();
            String status = job.path("status").asText();
            if (!"queued".equals(status) && !"running".equals(status)) {
                return job;
            }
            if (System.nanoTime() - lastPrinted > 5_000_000_000L) {
                out.printf("  %s: %.0f%% of the log read, %,d touchpoints%n", status,
                        job.path("progress").asDouble() * 100, job.path("touchpoints").asLong());
                out.flush();
                lastPrinted = System.nanoTime();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("simulation " + id + " not finished after 30 minutes");
    }

    /** The default journey with validation, consensus and decision asking for momentum 45 instead of 30. */
    private static String tightenedDefault() {
        JourneyDefinition base = DefaultJourney.definition(TENANT);
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : base.stages()) {
            stages.add(new Stage(stage.key(), stage.name(), stage.description(),
                    stage.entryCriteria().replace("momentum >= 30", "momentum >= 45"), stage.stallAfter(),
                    stage.requiredRoles(), stage.interactionPoints()));
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("journeyId", "bench-draft");
        draft.put("name", "Default journey, the late stages need momentum 45");
        draft.put("halfLife", base.halfLife().toString());
        draft.put("requiredRoles", base.requiredRoles());
        draft.put("stages", stages);
        return EventJson.write(draft);
    }
}
