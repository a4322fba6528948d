package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;

/**
 * The whole platform as users run it: real Kafka, PostgreSQL and MongoDB wire server, and the four PACKAGED
 * services as separate processes on free ports, started by {@link Platform} exactly as {@code tandem up} does.
 * Everything goes over HTTP. Each test runs as a tenant of its own, so the KPI totals it reads are its own: no
 * test waits for, or counts, what another left behind.
 */
@ExtendWith(SharedPlatform.class)
class PlatformEndToEndTest {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(90);
    private static final String PROBLEM_JSON = "application/problem+json";

    private static Platform platform;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
    }

    /** A tool's, a seller's and an analyst's token of this test's tenant, from the key the services trust. */
    private static String token;
    private static String tenant;

    @BeforeEach
    void aTenantOfItsOwn(TestInfo test) {
        tenant = "e2e-" + test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "").substring(0, 12) + "-" + UUID.randomUUID().toString().substring(0, 8);
        token = platform.signingKey().token(tenant, java.util.Set.of("ingest", "seller", "analyst"),
                Duration.ofHours(1));
    }

    @Test
    void touchpointsOverHttpShowUpInBothReadModels() throws Exception {
        String account = "e2e-northwind";

        HttpResponse<String> batch = post(array(
                touchpoint("e2e-nw-1", account, "webinar.attended", "marketing", 9, "maria.chen", "Maria Chen",
                        "Chief Financial Officer"),
                touchpoint("e2e-nw-2", account, "demo.requested", "marketing", 7, "li.wong", "Li Wong",
                        "Director of Operations"),
                touchpoint("e2e-nw-3", account, "meeting.held", "sales", 6, "sam.ortiz", "Sam Ortiz",
                        "Enterprise Architect"),
                touchpoint("e2e-nw-4", account, "proposal.viewed", "sales", 2, "priya.natarajan", "Priya Natarajan",
                        "Procurement Manager")));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        assertThat(json(batch).path("accepted").asInt()).isEqualTo(4);
        // a single object, not an array
        HttpResponse<String> single = post(touchpoint("e2e-nw-5", account, "email.clicked", "marketing", 1,
                "tom.becker", "Tom Becker", "Operations Analyst"));
        assertThat(single.statusCode()).as(single.body()).isEqualTo(202);

        awaitProjection().untilAsserted(() -> assertThat(rolesByName(journey(account).orElseThrow()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Maria Chen", "economic_buyer",
                        "Li Wong", "champion",
                        "Sam Ortiz", "technical_evaluator",
                        "Priya Natarajan", "procurement",
                        "Tom Becker", "end_user")));
        JsonNode journey = journey(account).orElseThrow();
        assertThat(journey.path("accountKey").asText()).isEqualTo(account);
        assertThat(journey.path("momentum").asInt()).isBetween(1, 100);
        assertThat(journey.path("version").asLong()).isPositive();
        assertThat(journey.path("committee")).allSatisfy(member -> {
            assertThat(member.path("contactKey").asText()).isNotBlank();
            assertThat(member.path("engagement").asDouble()).isPositive();
        });
        assertThat(journey.toString()).as("pseudonymous keys, no emails, in the seller's view")
                .doesNotContain("maria.chen@");

        awaitProjection().untilAsserted(() -> {
            JsonNode after = kpis();
            assertThat(after.path("accountsTracked").asLong()).isEqualTo(1);
            assertThat(counts(after, "touchpointsBySource"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("marketing", 3L, "sales", 2L));
            assertThat(counts(after, "committeeMembersByRole")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "economic_buyer", 1L, "champion", 1L, "technical_evaluator", 1L, "procurement", 1L,
                    "end_user", 1L));
        });
    }

    /**
     * Two twin accounts get the same story; one of them gets it twice. Then each gets one more touchpoint from a
     * source used nowhere else: once both of those are visible, whatever the resent ones did is visible too (one
     * account's records stay in order on their partition), and the twins must look alike.
     */
    @Test
    void everyDoorWantsCredentialsAndAnotherTenantSeesNothing() throws Exception {
        String account = "e2e-doors";
        assertThat(post(touchpoint("e2e-doors-1", account, "webinar.attended", "marketing", 3, "ana.ruiz",
                "Ana Ruiz", "CFO")).statusCode()).isEqualTo(202);
        awaitProjection().untilAsserted(() -> assertThat(journey(account)).isPresent());
        assertThat(get(uri(ServiceCatalog.DESIGNER, "/v1/accounts/" + account + "/journey"), null).statusCode())
                .isEqualTo(401);
        assertThat(get(uri(ServiceCatalog.KPI, "/v1/kpis/summary"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> unauthenticated = HTTP.send(HttpRequest.newBuilder(uri(ServiceCatalog.INGEST,
                        "/v1/touchpoints")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));

        String foreign = platform.signingKey().token("other-tenant", java.util.Set.of("seller", "analyst"),
                Duration.ofMinutes(10));
        assertThat(get(uri(ServiceCatalog.DESIGNER, "/v1/accounts/" + account + "/journey"), foreign).statusCode())
                .as("another tenant's account is not found, not forbidden").isEqualTo(404);
        assertThat(json(get(uri(ServiceCatalog.KPI, "/v1/kpis/summary"), foreign)).path("accountsTracked").asLong())
                .isZero();
        String sellerOnly = platform.signingKey().token("dev", java.util.Set.of("seller"), Duration.ofMinutes(10));
        assertThat(get(uri(ServiceCatalog.KPI, "/v1/kpis/summary"), sellerOnly).statusCode()).isEqualTo(403);
    }

    @Test
    void theSameEventIdPostedTwiceCountsOnce() throws Exception {
        String resent = "e2e-twin-resent";
        String control = "e2e-twin-control";

        ArrayNode resentStory = story(resent);
        assertThat(post(resentStory).statusCode()).isEqualTo(202);
        assertThat(post(story(control)).statusCode()).isEqualTo(202);
        HttpResponse<String> again = post(resentStory);
        assertThat(again.statusCode()).as("resending is accepted, and changes nothing").isEqualTo(202);
        assertThat(post(resentStory.get(2)).statusCode()).isEqualTo(202);
        for (String account : List.of(resent, control)) {
            assertThat(post(touchpoint(account + "-4", account, "event.attended", "partner", 1, "noah.berg",
                    "Noah Berg", "IT Director")).statusCode()).isEqualTo(202);
        }

        awaitProjection().untilAsserted(() -> {
            assertThat(counts(kpis(), "touchpointsBySource")).containsEntry("partner", 2L);
            assertThat(journey(resent).orElseThrow().path("committee")).hasSize(3);
            assertThat(journey(control).orElseThrow().path("committee")).hasSize(3);
        });

        JsonNode after = kpis();
        assertThat(counts(after, "touchpointsBySource"))
                .as("2 marketing and 1 sales touchpoint per account, however often they were sent")
                .containsExactlyInAnyOrderEntriesOf(Map.of("marketing", 4L, "sales", 2L, "partner", 2L));
        assertThat(after.path("accountsTracked").asLong()).isEqualTo(2);
        JsonNode resentJourney = journey(resent).orElseThrow();
        JsonNode controlJourney = journey(control).orElseThrow();
        assertThat(resentJourney.path("version").asLong()).as("the resent account's version did not grow")
                .isEqualTo(controlJourney.path("version").asLong());
        assertThat(resentJourney.path("momentum").asInt()).isEqualTo(controlJourney.path("momentum").asInt());
        assertThat(engagementByName(resentJourney)).isEqualTo(engagementByName(controlJourney));
    }

    @Test
    void aMalformedTouchpointIsRefusedNamingTheFieldAndPublishedNowhere() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "e2e-good-" + run;
        assertThat(post(touchpoint(good, "e2e-malformed", "web.visited", "marketing", 1, "good-" + run, "Ida Good",
                "Analyst")).statusCode()).isEqualTo(202);

        String bad = "e2e-bad-" + run;
        ObjectNode malformed = touchpoint(bad, "e2e-malformed", "web.visited", "marketing", 1, "bad-" + run,
                "Bo Bad", "Analyst");
        malformed.put("type", "Webinar").put("source", "tv").put("occurredAt", "soon");
        HttpResponse<String> refused = post(malformed);
        assertProblem(refused, "/type", "/source", "/occurredAt");

        // one bad item of an array is rejected alone, named by its pointer: its valid neighbour is published
        String neighbour = "e2e-neighbour-" + run;
        ObjectNode missingSource = touchpoint("e2e-nosource-" + run, "e2e-malformed", "web.visited", "marketing", 1,
                "nosource-" + run, "Cy Missing", "Analyst");
        missingSource.remove("source");
        HttpResponse<String> mixed = post(array(touchpoint(neighbour, "e2e-malformed", "web.visited",
                "marketing", 1, "neighbour-" + run, "Di Neighbour", "Analyst"), missingSource));
        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(202);
        JsonNode items = json(mixed).path("items");
        assertThat(items.path(0).path("status").asText()).isEqualTo("accepted");
        assertThat(items.path(1).path("status").asText()).isEqualTo("rejected");
        assertThat(items.path(1).path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("/1/source");

        String kafka = platform.infrastructure().kafkaBootstrapServers();
        List<String> touchpoints = readAll(kafka, Topics.TOUCHPOINTS);
        assertThat(touchpoints).as("the valid touchpoints are there").anyMatch(r -> r.contains(good))
                .anyMatch(r -> r.contains(neighbour));
        assertThat(touchpoints).noneMatch(r -> r.contains(bad) || r.contains("nosource-" + run));
        // profiles are sealed, so they are told apart by tenant: this test's tenant has the valid ones' only
        List<String> contacts = readAll(kafka, Topics.CONTACTS).stream()
                .filter(r -> r.startsWith("key=" + tenant + "/")).toList();
        assertThat(contacts).hasSize(2);
        assertThat(contacts).allSatisfy(contact -> assertThat(contact).doesNotContain("good-" + run)
                .doesNotContain("Ida Good").doesNotContain("neighbour-" + run).doesNotContain("Di Neighbour"));
    }

    // --- the scenario's pieces

    /** Three touchpoints: two marketing, one sales, two contacts; identical for every account but the ids. */
    /**
     * A person is erased by email: afterwards their email, name and title are nowhere in plaintext (every record of
     * every topic, every MongoDB document, every PostgreSQL row, journey-state's RocksDB files), and their sealed
     * copies still on the log open under no key the platform holds. Another member of the account stays as it was.
     */
    @Test
    void anErasedPersonIsReadableNowhere() throws Exception {
        String account = "e2e-erasure";
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Vale " + unique;
        String title = "VP Finance " + unique;
        String email = "erin.vale." + unique + "@" + account + ".example.com";
        HttpResponse<String> posted = post(array(
                touchpoint("e2e-er-1", account, "webinar.attended", "marketing", 3, "erin.vale." + unique, name,
                        title),
                touchpoint("e2e-er-2", account, "meeting.held", "sales", 2, "kai.stays", "Kai Stays",
                        "Enterprise Architect")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        awaitProjection().untilAsserted(() -> assertThat(rolesByName(journey(account).orElseThrow()))
                .containsEntry(name, "economic_buyer").containsEntry("Kai Stays", "technical_evaluator"));

        PersonalDataScan scan = new PersonalDataScan(platform.infrastructure(),
                platform.settings().streamsStateDirectory());
        List<String> personalData = List.of(email, name, title);
        assertThat(scan.kafka(personalData)).as("sealed on the log from the start").isEmpty();
        assertThat(scan.mongo(List.of(name))).as("the sellers' read model shows the name: the scan finds it")
                .isNotEmpty();

        String admin = platform.signingKey().token(tenant, java.util.Set.of("admin"), Duration.ofMinutes(10));
        HttpResponse<String> requested = HTTP.send(HttpRequest.newBuilder(uri(ServiceCatalog.INGEST, "/v1/erasures"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String erasureId = json(requested).path("id").asText();
        String contactKey = json(requested).path("contactKey").asText();
        awaitProjection().untilAsserted(() -> assertThat(json(get(uri(ServiceCatalog.INGEST,
                "/v1/erasures/" + erasureId), admin)).path("status").asText()).isEqualTo("completed"));

        assertThat(scan.findAll(personalData)).as("plaintext of the erased person anywhere").isEmpty();
        JsonNode after = journey(account).orElseThrow();
        assertThat(rolesByName(after)).containsEntry("Kai Stays", "technical_evaluator").doesNotContainKey(name);
        assertThat(after.path("committee")).anySatisfy(member -> {
            assertThat(member.path("contactKey").asText()).isEqualTo(contactKey);
            assertThat(member.path("name").isNull()).isTrue();
        });

        // the sealed profile is still on the compacted topic until compaction: no key the platform holds opens it
        String sealedName = scan.sealedProfileName(tenant + "/" + contactKey);
        assertThat(dev.tandem.pii.SealedPii.isSealed(sealedName)).isTrue();
        PersonalDataScan.Opening opening = scan.openWithEveryVaultKey(sealedName, dev.tandem.pii.PiiField.NAME,
                LocalSecrets.loadOrCreate(platform.settings().dataDirectory()).vaultKeyEncryptionKey());
        assertThat(opening.keysTried()).as("Kai Stays' key at least is still there").isPositive();
        assertThat(opening.opened()).as("keys that open the erased person's sealed name").isZero();
    }

    private static ArrayNode story(String account) {
        return array(
                touchpoint(account + "-1", account, "webinar.attended", "marketing", 8, "ava.cfo", "Ava Stone",
                        "CFO"),
                touchpoint(account + "-2", account, "content.downloaded", "marketing", 6, "ben.director", "Ben Ray",
                        "Director of Logistics"),
                touchpoint(account + "-3", account, "meeting.held", "sales", 4, "ava.cfo", "Ava Stone", "CFO"));
    }

    private static ObjectNode touchpoint(String eventId, String account, String type, String source, int daysAgo,
            String mailbox, String name, String title) {
        ObjectNode touchpoint = EventJson.mapper().createObjectNode()
                .put("eventId", eventId)
                .put("accountKey", account)
                .put("type", type)
                .put("source", source)
                .put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
        touchpoint.putObject("contact")
                .put("email", mailbox + "@" + account + ".example.com")
                .put("name", name)
                .put("title", title);
        touchpoint.putObject("properties").put("origin", "end-to-end test");
        return touchpoint;
    }

    private static ArrayNode array(JsonNode... items) {
        ArrayNode array = EventJson.mapper().createArrayNode();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array;
    }

    // --- HTTP

    private static HttpResponse<String> post(JsonNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(ServiceCatalog.INGEST, "/v1/touchpoints"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<JsonNode> journey(String account) throws Exception {
        HttpResponse<String> response = get(uri(ServiceCatalog.DESIGNER, "/v1/accounts/" + account + "/journey"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Optional.of(json(response));
    }

    private static JsonNode kpis() throws Exception {
        HttpResponse<String> response = get(uri(ServiceCatalog.KPI, "/v1/kpis/summary"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return get(uri, token);
    }

    private static HttpResponse<String> get(URI uri, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ServiceDefinition service, String path) {
        return platform.baseUri(service).resolve(path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.read(response.body(), JsonNode.class);
    }

    private static void assertProblem(HttpResponse<String> response, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors")).extracting(error -> error.path("field").asText()).contains(fields);
    }

    // --- reading the read models

    private static org.awaitility.core.ConditionFactory awaitProjection() {
        return await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions();
    }

    private static Map<String, String> rolesByName(JsonNode journey) {
        Map<String, String> roles = new TreeMap<>();
        journey.path("committee").forEach(member -> roles.put(member.path("name").asText(), member.path("role").asText()));
        return roles;
    }

    private static Map<String, Double> engagementByName(JsonNode journey) {
        Map<String, Double> engagement = new TreeMap<>();
        journey.path("committee").forEach(member ->
                engagement.put(member.path("name").asText(), member.path("engagement").asDouble()));
        return engagement;
    }

    /** A KPI map of the tenant's summary; zero counts are left out. */
    private static Map<String, Long> counts(JsonNode summary, String field) {
        Map<String, Long> counts = new TreeMap<>();
        summary.path(field).fields().forEachRemaining(entry -> {
            if (entry.getValue().asLong() != 0) {
                counts.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        return counts;
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        try (KafkaTestClient client = new KafkaTestClient(bootstrapServers)) {
            return client.readToEnd(topic).stream().map(KafkaTestClient::describe).toList();
        }
    }
}
