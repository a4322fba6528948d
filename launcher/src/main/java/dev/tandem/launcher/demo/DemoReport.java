package dev.tandem.launcher.demo;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints what the demo produced and what to try next. */
public final class DemoReport {

    private DemoReport() {
    }

    public static void print(PrintWriter out, DemoClient.Outcome outcome, TandemApi api) {
        out.println();
        out.printf("Demo: %d touchpoints for %d accounts sent; both read models show them (%.1f s).%n",
                outcome.touchpointsSent(), outcome.journeys().size(), outcome.took().toMillis() / 1000.0);
        out.println();
        out.printf("  %-18s %8s %8s  %s%n", "account", "momentum", "members", "roles");
        outcome.journeys().forEach((account, journey) -> out.printf("  %-18s %8d %8d  %s%n",
                account.accountKey(), journey.momentum(), journey.committee().size(), rolesOf(journey)));
        TandemApi.KpiSummary kpis = outcome.kpis();
        out.println();
        out.printf("  KPI summary: %d accounts tracked; touchpoints by source %s; committee members by role %s%n",
                kpis.accountsTracked(), nonZero(kpis.touchpointsBySource()), nonZero(kpis.committeeMembersByRole()));
        out.println();
        out.println("Try:");
        out.printf("  curl -s %s/v1/accounts/%s/journey%n", api.designerUri(), DemoScenario.ACME.accountKey());
        out.printf("  curl -s %s/v1/accounts/%s/journey%n", api.designerUri(), DemoScenario.GLOBEX.accountKey());
        out.printf("  curl -s %s/v1/kpis/summary%n", api.kpiUri());
        out.printf("  curl -i -X POST %s/v1/touchpoints -H 'Content-Type: application/json' -d '{\"eventId\":"
                + "\"try-1\",\"accountKey\":\"globex-logistics\",\"type\":\"meeting.held\",\"source\":\"sales\","
                + "\"occurredAt\":\"%s\",\"contact\":{\"email\":\"cfo@globex-logistics.example.com\",\"name\":\"Grace Liu\","
                + "\"title\":\"CFO\"}}'%n", api.ingestUri(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.flush();
    }

    static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> shown = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (count != 0) {
                shown.put(key, count);
            }
        });
        return shown;
    }

    /** "economic_buyer, champion, end_user ×2" */
    static String rolesOf(TandemApi.Journey journey) {
        Map<String, Long> counts = journey.committee().stream()
                .collect(Collectors.groupingBy(TandemApi.Member::role, LinkedHashMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getValue() > 1 ? e.getKey() + " ×" + e.getValue() : e.getKey())
                .collect(Collectors.joining(", "));
    }
}
