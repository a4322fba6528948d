package dev.tandem.launcher.cli;

import dev.tandem.launcher.platform.InfrastructureAddresses;
import dev.tandem.launcher.platform.Platform;
import dev.tandem.launcher.platform.ServiceCatalog;
import dev.tandem.launcher.platform.ServiceDefinition;
import java.io.PrintWriter;
import java.net.URI;
import java.util.TreeMap;

/** The addresses of a running platform, as {@code tandem up} prints them. */
final class UrlTable {

    private UrlTable() {
    }

    static void print(PrintWriter out, Platform platform) {
        out.println();
        out.printf("%-26s %-8s %s%n", "service", "", "URL");
        for (ServiceDefinition service : ServiceCatalog.all()) {
            URI base = platform.baseUri(service);
            String api = service.api().isEmpty() ? "(no public API; its state is in Kafka Streams stores)" : apiUrl(base, service);
            out.printf("%-26s %-8s %s%n", service.name(), "API", api);
            out.printf("%-26s %-8s %s  ·  %s%n", "", "docs", base + "/q/swagger-ui", base + "/q/openapi");
            URI management = platform.managementUri(service);
            out.printf("%-26s %-8s %s  ·  %s%n", "", "ops", management + ServiceDefinition.HEALTH_PATH,
                    management + ServiceDefinition.METRICS_PATH);
        }
        InfrastructureAddresses infra = platform.infrastructure();
        out.println();
        out.printf("%-26s %s%n", "Kafka bootstrap", infra.kafkaBootstrapServers());
        new TreeMap<>(infra.postgresJdbcUrls()).forEach((database, url) ->
                out.printf("%-26s %s%n", "PostgreSQL " + database, url + "  (user postgres, no password)"));
        out.printf("%-26s %s%n", "MongoDB", infra.mongoConnectionString());
        out.printf("%-26s %s%n", "logs", platform.settings().logDirectory());
        out.flush();
    }

    /** "POST /v1/touchpoints" on http://localhost:8081 → "POST http://localhost:8081/v1/touchpoints". */
    static String apiUrl(URI base, ServiceDefinition service) {
        String[] methodAndPath = service.api().split(" ", 2);
        return String.format("%-4s %s%s", methodAndPath[0], base, methodAndPath[1]);
    }
}
