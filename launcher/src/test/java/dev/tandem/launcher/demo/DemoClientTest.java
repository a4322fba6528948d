package dev.tandem.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo client against a fake platform whose read models catch up only after a few polls. */
class DemoClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private HttpServer platform;
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger journeyReads = new AtomicInteger();
    private volatile int ingestStatus = 202;
    private volatile Set<String> hiddenAccounts = Set.of();
    private TandemApi api;

    @BeforeEach
    void startFakePlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/v1/touchpoints", this::ingest);
        platform.createContext("/v1/accounts/", this::journey);
        platform.createContext("/v1/kpis/summary", this::kpis);
        platform.start();
        URI base = URI.create("http://127.0.0.1:" + platform.getAddress().getPort());
        api = new TandemApi(HttpClient.newHttpClient(), base, base, base, "test-token");
    }

    @AfterEach
    void stop() {
        platform.stop(0);
    }

    @Test
    void postsEachAccountsStoryAndWaitsUntilBothReadModelsShowIt() throws Exception {
        DemoClient.Outcome outcome = new DemoClient(api, DemoScenario.standard(), CLOCK).run(Duration.ofSeconds(20));

        List<String> sentIds = posted.stream().map(t -> t.get("eventId").asText()).toList();
        assertThat(sentIds).containsExactlyElementsOf(DemoScenario.standard().touchpoints(CLOCK.instant()).stream()
                .map(t -> t.eventId()).toList());
        assertThat(posted).noneMatch(t -> t.has("direction")); // absent, not null: the schema refuses null
        assertThat(journeyReads.get()).as("it polled until the read model caught up").isGreaterThan(3);
        assertThat(outcome.touchpointsSent()).isEqualTo(sentIds.size());
        assertThat(outcome.journeys().get(DemoScenario.ACME).committee()).extracting(TandemApi.Member::name)
                .containsExactlyInAnyOrderElementsOf(DemoScenario.standard().contactNamesOf(DemoScenario.ACME));
        assertThat(outcome.kpis().accountsTracked()).isEqualTo(DemoScenario.standard().accounts().size());
    }

    @Test
    void namesTheAccountTheReadModelNeverShows() {
        hiddenAccounts = Set.of("globex-logistics");

        assertThatThrownBy(() -> new DemoClient(api, DemoScenario.standard(), CLOCK).run(Duration.ofSeconds(2)))
                .isInstanceOf(TandemApi.ApiException.class)
                .hasMessageContaining("globex-logistics's committee");
    }

    @Test
    void reportsARefusedPost() {
        ingestStatus = 400;

        assertThatThrownBy(() -> new DemoClient(api, DemoScenario.standard(), CLOCK).run(Duration.ofSeconds(2)))
                .isInstanceOf(TandemApi.ApiException.class)
                .hasMessageContaining("answered 400");
    }

    private void ingest(HttpExchange exchange) throws IOException {
        JsonNode body = EventJson.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                JsonNode.class);
        if (ingestStatus == 202) {
            body.forEach(posted::add);
        }
        respond(exchange, ingestStatus, "{}");
    }

    private void journey(HttpExchange exchange) throws IOException {
        String accountKey = exchange.getRequestURI().getPath().split("/")[3];
        List<JsonNode> touchpoints = posted.stream().filter(t -> t.get("accountKey").asText().equals(accountKey))
                .toList();
        if (journeyReads.incrementAndGet() < 4 || touchpoints.isEmpty() || hiddenAccounts.contains(accountKey)) {
            respond(exchange, 404, "{}");
            return;
        }
        ObjectNode journey = EventJson.mapper().createObjectNode().put("accountKey", accountKey).put("momentum", 50)
                .put("version", touchpoints.size());
        ArrayNode committee = journey.putArray("committee");
        touchpoints.stream().map(t -> t.get("contact").get("name").asText()).distinct().forEach(name ->
                committee.addObject().put("contactKey", "c_" + name.hashCode()).put("name", name)
                        .put("role", "champion").put("engagement", 1.5));
        respond(exchange, 200, journey.toString());
    }

    private void kpis(HttpExchange exchange) throws IOException {
        ObjectNode summary = EventJson.mapper().createObjectNode().put("accountsTracked",
                posted.stream().map(t -> t.get("accountKey").asText()).distinct().count());
        ObjectNode bySource = summary.putObject("touchpointsBySource");
        posted.stream().collect(Collectors.groupingBy(t -> t.get("source").asText(), Collectors.counting()))
                .forEach(bySource::put);
        summary.putObject("committeeMembersByRole");
        respond(exchange, 200, summary.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
