package dev.tandem.kpi.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.tandem.infra.TandemInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page, scripts and charting library are served to anyone: they hold no data (every figure comes
 * from the API with the analyst's token), and the sign-in form must load before there is a token.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class DashboardAssetsTest {

    @Test
    void thePageAndItsAssetsNeedNoToken() {
        given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("id=\"chart-funnel\""))
                .body(containsString("webjars/echarts/5.3.1/dist/echarts.min.js"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        for (String asset : new String[] {"/js/main.js", "/js/api.js", "/js/stream.js", "/js/chart-kit.js",
                "/js/charts-pipeline.js", "/js/charts-results.js", "/js/tiles.js", "/js/format.js"}) {
            given().get(asset).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theDataStaysBehindTheToken() {
        given().get("/v1/kpis/summary").then().statusCode(401);
    }
}
