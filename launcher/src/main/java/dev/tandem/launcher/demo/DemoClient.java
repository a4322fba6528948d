package dev.tandem.launcher.demo;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends the demo scenario to a running platform over HTTP and waits until both read models show it: every demo
 * account's committee (with names) in the designer API, and the KPI summary counting at least the demo's accounts
 * and touchpoints (more if the platform holds other data too).
 */
public final class DemoClient {

    /** What the read models showed once the scenario was in. */
    public record Outcome(int touchpointsSent, Map<DemoScenario.Account, TandemApi.Journey> journeys,
            TandemApi.KpiSummary kpis, Duration took) {
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final TandemApi api;
    private final DemoScenario scenario;
    private final Clock clock;

    public DemoClient(TandemApi api, DemoScenario scenario, Clock clock) {
        this.api = api;
        this.scenario = scenario;
        this.clock = clock;
    }

    public Outcome run(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        int sent = 0;
        for (DemoScenario.Account account : scenario.accounts()) {
            List<?> touchpoints = scenario.touchpointsOf(account, clock.instant());
            api.postTouchpoints(touchpoints);
            sent += touchpoints.size();
        }
        long deadline = started + timeout.toNanos();
        String missing;
        while ((missing = whatIsMissing(sent)) != null) {
            if (System.nanoTime() > deadline) {
                throw new TandemApi.ApiException("The demo touchpoints were accepted, but after " + timeout.toSeconds()
                        + " s the read models still lack: " + missing
                        + ". Check the services' logs (journey-state, interaction-designer-api, kpi-projector).");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        Map<DemoScenario.Account, TandemApi.Journey> journeys = new LinkedHashMap<>();
        scenario.accounts().forEach(account -> journeys.put(account, api.journey(account.accountKey()).orElseThrow()));
        return new Outcome(sent, journeys, api.kpiSummary(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Null once everything is shown, else what is not yet (a service still catching up reads as "not yet"). */
    private String whatIsMissing(int touchpointsSent) {
        try {
            for (DemoScenario.Account account : scenario.accounts()) {
                Optional<TandemApi.Journey> journey = api.journey(account.accountKey());
                Set<String> names = journey.map(j -> j.committee().stream()
                        .map(TandemApi.Member::name)
                        .collect(Collectors.toSet())).orElse(Set.of());
                if (!names.containsAll(scenario.contactNamesOf(account))) {
                    return account.accountKey() + "'s committee in the designer API";
                }
            }
            TandemApi.KpiSummary kpis = api.kpiSummary();
            if (kpis.accountsTracked() < scenario.accounts().size() || kpis.touchpointsTotal() < touchpointsSent) {
                return "the demo's accounts and touchpoints in the KPI summary";
            }
            return null;
        } catch (TandemApi.ApiException | UncheckedIOException e) {
            return e.getMessage();
        }
    }
}
