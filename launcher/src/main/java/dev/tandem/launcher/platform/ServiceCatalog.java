package dev.tandem.launcher.platform;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The four services of the platform, in the order they are started and listed. */
public final class ServiceCatalog {

    public static final ServiceDefinition INGEST = new ServiceDefinition(
            "journey-ingest", "journey-ingest", 8081, Optional.of("ingest"), false, true, "POST /v1/touchpoints");
    public static final ServiceDefinition STATE = new ServiceDefinition(
            "journey-state", "journey-state", 8082, Optional.empty(), false, true, "");
    public static final ServiceDefinition DESIGNER = new ServiceDefinition(
            "interaction-designer-api", "interaction-designer-api", 8083, Optional.of("designer"), true, true,
            "GET /v1/accounts/{accountKey}/journey");
    public static final ServiceDefinition KPI = new ServiceDefinition(
            "kpi-projector", "kpi-projector", 8084, Optional.empty(), true, false, "GET /v1/kpis/summary");

    private static final List<ServiceDefinition> ALL = List.of(INGEST, STATE, DESIGNER, KPI);

    private ServiceCatalog() {
    }

    public static List<ServiceDefinition> all() {
        return ALL;
    }

    public static ServiceDefinition byName(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Tandem service named " + name));
    }
}
