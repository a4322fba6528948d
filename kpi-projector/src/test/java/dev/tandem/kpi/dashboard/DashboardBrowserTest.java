package dev.tandem.kpi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.service.KnownHistory;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard at {@code /} in headless Chromium, against the real broker and MongoDB: signed in with an analyst
 * token, its charts show the tenant's known history ({@link KnownHistory}), and a new account's touchpoint shows
 * within seconds, carried by the KPI stream; a refused token brings the sign-in back with the reason. Every test
 * has a tenant of its own. Figures are read from the charts themselves (ECharts' options) and from the tiles.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class DashboardBrowserTest {

    private static final Logger LOG = Logger.getLogger(DashboardBrowserTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** What the issue promises: new events show within seconds. */
    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final List<String> CHARTS = List.of("chart-funnel", "chart-velocity", "chart-cycle",
            "chart-stalls-stage", "chart-stalls-persona", "chart-coverage", "chart-outcomes-momentum",
            "chart-contribution-source", "chart-contribution-detail", "chart-reasons", "chart-enablement");
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    private static Path profile;
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URI dashboard;

    @Inject
    KpiStore store;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("kpi-dashboard-chromium-");
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void quitBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            KAFKA.close();
            deleteProfile();
        }
    }

    @Test
    void theChartsShowTheKnownHistoryAndANewAccountWithinSeconds(TestInfo test) {
        BrowserEvidence.onFailure(browser, test.getDisplayName(), () -> {
            String tenant = uniqueTenant();
            List<JourneyEventV1> history = new ArrayList<>(KnownHistory.acme(tenant));
            history.addAll(KnownHistory.globex(tenant));
            history.forEach(DashboardBrowserTest::send);
            await().atMost(PATIENCE).until(() -> {
                Map<String, Long> counters = store.current().chain(generation -> generation.totals().totalsOf(tenant)).await().atMost(PATIENCE);
                return counters.getOrDefault("accounts", 0L) == 2
                        && counters.keySet().stream().anyMatch(key -> key.startsWith("outcomes|2026-03"));
            });

            signIn(token(tenant, Roles.ANALYST));
            waitAtMost(PATIENCE).until(page -> entered("Exploration") == 2 && "2".equals(tile("tile-accounts")));
            assertThat(CHARTS).as("charts without data").filteredOn(chart -> !hasData(chart)).isEmpty();
            assertThat(barValue("chart-funnel", 0, "Evaluation")).as("entered evaluation").isEqualTo(1);
            assertThat(barValue("chart-velocity", 0, "Exploration")).as("median days in exploration").isEqualTo(10);
            assertThat(tile("tile-win-rate")).isEqualTo("50%");
            assertThat(tile("tile-stalled")).isEqualTo("0");
            assertThat(browser.findElement(By.id("last-updated")).getText()).startsWith("Last updated");

            long sent = System.nanoTime();
            KnownHistory.newcomer(tenant, "initech-" + UUID.randomUUID()).forEach(DashboardBrowserTest::send);
            waitAtMost(LIVE).until(page -> entered("Exploration") == 3 && "3".equals(tile("tile-accounts")));
            LOG.infof("The dashboard showed the new account %d ms after its events were acknowledged",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis());
            assertThat(tile("tile-open")).isEqualTo("1");
            assertThat(browser.findElement(By.id("live-status")).getText()).isEqualTo("Live");
        });
    }

    @Test
    void aRefusedTokenBringsTheSignInBackWithTheReason(TestInfo test) {
        BrowserEvidence.onFailure(browser, test.getDisplayName(), () -> {
            signIn("not-a-token");
            waitAtMost(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                    "was not accepted"));
            assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
            assertThat(script("return sessionStorage.length")).as("a refused token is not kept").isEqualTo(0L);

            signIn(token(uniqueTenant(), Roles.SELLER));
            waitAtMost(PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                    "does not grant the analyst role"));
            assertThat(browser.findElement(By.id("token")).isDisplayed()).isTrue();
        });
    }

    @Test
    void aTenantWithoutEventsSeesWhatWillAppearInsteadOfEmptyCharts(TestInfo test) {
        BrowserEvidence.onFailure(browser, test.getDisplayName(), () -> {
            signIn(token(uniqueTenant(), Roles.ANALYST));
            waitAtMost(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".empty[data-for='chart-funnel']")));
            assertThat(browser.findElement(By.cssSelector(".empty[data-for='chart-funnel']")).getText())
                    .contains("No account has entered a stage yet");
            assertThat(tile("tile-accounts")).isEqualTo("0");
            assertThat(tile("tile-win-rate")).isEqualTo("—");
            assertThat(CHARTS).as("charts drawn without data").filteredOn(this::hasData).isEmpty();
        });
    }

    /**
     * Opens the dashboard in a new tab and signs in with {@code token}. A new tab starts with an empty
     * sessionStorage, so no token of an earlier test is remembered; clearing the storage of the old tab instead
     * would race with its page, which may be storing the token it just verified.
     */
    private void signIn(String token) {
        String previous = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String fresh = browser.getWindowHandle();
        browser.switchTo().window(previous).close();
        browser.switchTo().window(fresh);
        browser.get(dashboard.toString());
        waitAtMost(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
    }

    private WebDriverWait waitAtMost(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The funnel's "entered" bar of a stage, or -1 while the chart does not show the stage. */
    private long entered(String stage) {
        Long value = barValue("chart-funnel", 0, stage);
        return value == null ? -1 : value;
    }

    /** The value of one bar of a chart: series {@code series}, category {@code category}; null if not drawn. */
    private Long barValue(String chart, int series, String category) {
        Object value = script("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                const option = chart && chart.getOption();
                if (!option || !option.xAxis || !option.xAxis.length || !option.series[arguments[1]]) {
                  return null;
                }
                const at = option.xAxis[0].data.indexOf(arguments[2]);
                const bar = at < 0 ? null : option.series[arguments[1]].data[at];
                return bar !== null && typeof bar === 'object' ? bar.value : bar;
                """, chart, series, category);
        return value == null ? null : ((Number) value).longValue();
    }

    /** Whether a chart draws series (rather than its empty state). */
    private boolean hasData(String chart) {
        return Boolean.TRUE.equals(script("""
                const element = document.getElementById(arguments[0]);
                const chart = echarts.getInstanceByDom(element);
                const option = chart && chart.getOption();
                return !element.classList.contains('is-empty') && !!option && !!option.series
                    && option.series.length > 0;
                """, chart));
    }

    private String tile(String id) {
        return browser.findElement(By.cssSelector("#" + id + " .value")).getText();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static void send(JourneyEventV1 event) {
        KAFKA.send(Topics.JOURNEY_EVENTS, EventKeys.account(event.tenantId(), event.accountKey()),
                EventJson.write(event));
    }

    private static String token(String tenant, String role) {
        return TandemInfrastructureResource.infrastructure().signingKey().token(tenant, Set.of(role),
                Duration.ofMinutes(30));
    }

    private static String uniqueTenant() {
        return "dash-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
