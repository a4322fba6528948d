package dev.tandem.kpi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.infra.TandemInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards under deploy/grafana ask for what this service serves: every KPI panel's path is an
 * operation of its OpenAPI document, and every kpi-projector metric the operations dashboard plots is one it
 * exposes on its management port.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class GrafanaDashboardsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL managementHealth;

    private static final Path GRAFANA = Path.of("..", "deploy", "grafana");
    private static final Pattern KPI_METRIC = Pattern.compile("tandem_kpi_[a-z_]+");

    @Test
    void everyKpiPanelReadsAnOperationOfTheApi() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(GRAFANA.resolve("kpis.json").toFile());
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> urls = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> urls.add(target.path("url").asText())));

        assertThat(urls).hasSizeGreaterThanOrEqualTo(8).allSatisfy(url -> {
            String path = url.replace("${kpi_url}", "").replaceAll("\\?.*", "");
            assertThat(paths).as(url).containsKey(path);
        });
        assertThat(urls).extracting(url -> url.replaceAll("\\?.*", "")).contains("${kpi_url}/v1/kpis/funnel",
                "${kpi_url}/v1/kpis/velocity", "${kpi_url}/v1/kpis/stalls", "${kpi_url}/v1/kpis/coverage",
                "${kpi_url}/v1/kpis/contribution", "${kpi_url}/v1/kpis/outcomes", "${kpi_url}/v1/kpis/reasons",
                "${kpi_url}/v1/kpis/enablement");
    }

    @Test
    void theOperationsDashboardPlotsMetricsThisServiceExposes() throws Exception {
        String dashboard = Files.readString(GRAFANA.resolve("operations.json"));
        String metrics = given().get(managementHealth.toString().replace("/q/health/ready", "/q/metrics")).then()
                .statusCode(200).extract().asString();
        Matcher matcher = KPI_METRIC.matcher(dashboard);
        List<String> plotted = new ArrayList<>();
        while (matcher.find()) {
            plotted.add(matcher.group());
        }

        assertThat(plotted).isNotEmpty().allSatisfy(metric -> assertThat(metrics).as(metric).contains(metric));
        assertThat(dashboard).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
