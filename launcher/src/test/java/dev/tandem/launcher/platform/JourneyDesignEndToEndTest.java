package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import dev.tandem.launcher.design.DesignerClient;
import dev.tandem.launcher.design.DesignerClient.Answer;
import dev.tandem.launcher.design.DesignerClient.Publication;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A designer's work reaching sellers, across the running platform: personas and a journey map go in through the
 * designer API (as {@code tandem journey personas} and {@code tandem journey publish} send them), the publication
 * travels through Kafka to journey-state, and the touchpoints that arrive afterwards are measured against the
 * journey, with roles inferred from the tenant's personas.
 */
@ExtendWith(SharedPlatform.class)
class JourneyDesignEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path EXAMPLES = RepositoryRoot.locate().resolve("docs/examples");
    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
    }

    @Test
    void aPublishedJourneyAndTheTenantsPersonasShapeTheSellerView() throws Exception {
        String tenant = "e2e-design-" + UUID.randomUUID().toString().substring(0, 8);
        DesignerClient designer = new DesignerClient(HTTP, platform.baseUri(ServiceCatalog.DESIGNER),
                platform.signingKey().token(tenant, Set.of("designer"), Duration.ofMinutes(30)));

        // the example personas, with the champion claiming "data lead" (the standard patterns say technical)
        ObjectNode personas = (ObjectNode) EventJson.mapper().readTree(Files.readString(
                EXAMPLES.resolve("personas.json")));
        ((ArrayNode) personas.path("champion").path("titlePatterns")).add("data lead");
        Map<String, Answer> saved = designer.putPersonas(personas.toString());
        assertThat(saved).allSatisfy((role, answer) -> assertThat(answer.status()).as(role).isEqualTo(201));

        Publication publication = designer.publish(Files.readString(EXAMPLES.resolve("pilot-journey.json")), false);
        assertThat(publication.publish().status()).as(publication.publish().problems().toString()).isEqualTo(200);
        assertThat(publication.publish().body().path("status").asText()).isEqualTo("published");

        // the publication reaches journey-state through the log on its own time: each round opens one more account
        // with a champion and an evaluator, until one whose touchpoints all came after it shows the pilot journey
        String token = platform.signingKey().token(tenant, Set.of("ingest", "seller"), Duration.ofMinutes(30));
        List<String> accounts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String account = "contoso-" + accounts.size() + "-" + UUID.randomUUID().toString().substring(0, 6);
            accounts.add(account);
            post(token, touchpoint("d-" + account, account, "webinar.attended", "ana", "Ana Ruiz", "Data Lead"),
                    touchpoint("t-" + account, account, "trial.started", "raj", "Raj Patel", "Platform Architect"));
            assertThat(accounts).anySatisfy(measured -> {
                JsonNode view = view(token, measured);
                assertThat(view.path("journey").path("id").asText()).isEqualTo("pilot");
                assertThat(view.path("stage").path("key").asText()).isEqualTo("piloting");
                assertThat(rolesByName(view)).containsEntry("Ana Ruiz", "champion")
                        .containsEntry("Raj Patel", "technical_evaluator");
                // nobody plays the budget holder the pilot requires: the next stage's point for it, citing the persona
                assertThat(view.path("missingRoles").toString()).isEqualTo("[\"economic_buyer\"]");
                JsonNode next = view.path("nextInteractions").get(0);
                assertThat(next.path("role").asText()).isEqualTo("economic_buyer");
                assertThat(next.path("touchpointType").asText()).isEqualTo("meeting.held");
                assertThat(next.path("owner").asText()).isEqualTo("sales");
                assertThat(next.path("insight").asText())
                        .isEqualTo("What unblocks them: the pilot's measured outcome against the business case");
                assertThat(view.path("timeline").size()).isEqualTo(2);
            });
        });
    }

    @Test
    void aSellersRoleCorrectionRoundTripsThroughKafkaAndSurvivesLaterTouchpoints() throws Exception {
        String tenant = "e2e-roles-" + UUID.randomUUID().toString().substring(0, 8);
        String token = platform.signingKey().token(tenant, Set.of("ingest", "seller"), Duration.ofMinutes(30));
        String account = "northwind";
        post(token, touchpoint("s-1", account, "meeting.held", "sam", "Sam Ortiz", "Enterprise Architect"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(rolesByName(view(token, account)))
                        .containsEntry("Sam Ortiz", "technical_evaluator"));
        String sam = view(token, account).path("committee").get(0).path("contactKey").asText();

        HttpResponse<String> assigned = send(HttpRequest.newBuilder(platform.baseUri(ServiceCatalog.DESIGNER)
                        .resolve("/v1/accounts/" + account + "/committee/" + sam + "/role"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\": \"economic_buyer\"}")).build());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode member = view(token, account).path("committee").get(0);
                    assertThat(member.path("role").asText()).isEqualTo("economic_buyer");
                    assertThat(member.path("roleSource").asText()).isEqualTo("seller");
                });
        long countAfterAssignment = view(token, account).path("touchpointCount").asLong();

        // the title still says architect; the seller's assignment wins until another one
        post(token, touchpoint("s-2", account, "proposal.viewed", "sam", "Sam Ortiz", "Enterprise Architect"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(view(token, account).path("touchpointCount").asLong())
                        .isGreaterThan(countAfterAssignment));
        JsonNode member = view(token, account).path("committee").get(0);
        assertThat(member.path("role").asText()).isEqualTo("economic_buyer");
        assertThat(member.path("roleSource").asText()).isEqualTo("seller");
    }

    private static ObjectNode touchpoint(String eventId, String account, String type, String mailbox, String name,
            String title) {
        ObjectNode touchpoint = EventJson.mapper().createObjectNode()
                .put("eventId", eventId)
                .put("accountKey", account)
                .put("type", type)
                .put("source", "marketing")
                .put("occurredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        touchpoint.putObject("contact").put("email", mailbox + "@" + account + ".example.com").put("name", name)
                .put("title", title);
        return touchpoint;
    }

    private static void post(String token, ObjectNode... touchpoints) throws Exception {
        ArrayNode batch = EventJson.mapper().createArrayNode();
        for (ObjectNode touchpoint : touchpoints) {
            batch.add(touchpoint);
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        platform.baseUri(ServiceCatalog.INGEST).resolve("/v1/touchpoints"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode view(String token, String account) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(platform.baseUri(ServiceCatalog.DESIGNER)
                        .resolve("/v1/accounts/" + account + "/journey")).header("Authorization", "Bearer " + token)
                .GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.read(response.body(), JsonNode.class);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> rolesByName(JsonNode view) {
        Map<String, String> roles = new java.util.TreeMap<>();
        view.path("committee").forEach(m -> roles.put(m.path("name").asText(), m.path("role").asText()));
        return roles;
    }
}
