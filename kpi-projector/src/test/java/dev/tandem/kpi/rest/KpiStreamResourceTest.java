package dev.tandem.kpi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.kpi.service.KnownHistory;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI stream read as a dashboard reads it: an event at once, then one after new events of the tenant; and only
 * with an analyst's token.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class KpiStreamResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());

    @TestHTTPResource("/v1/kpis/stream")
    URI stream;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void theStreamAnnouncesTheRevisionAtOnceAndAgainAfterTheTenantsNewEvents() throws Exception {
        String tenant = "stream-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "stream-" + UUID.randomUUID().toString().substring(0, 8);
        try (Events events = Events.open(stream, token(tenant, Roles.ANALYST))) {
            assertThat(events.contentType()).startsWith("text/event-stream");
            Event first = events.next(PATIENCE);
            assertThat(first).isEqualTo(new Event("kpis", "{\"revision\":0}"));

            // another tenant's events change nothing in this tenant's stream
            KnownHistory.globex(other).forEach(KpiStreamResourceTest::send);
            KnownHistory.acme(tenant).forEach(KpiStreamResourceTest::send);
            Event changed = events.next(PATIENCE);
            assertThat(changed.name()).isEqualTo("kpis");
            assertThat(changed.data()).matches("\\{\"revision\":[1-9][0-9]*}");
        }
    }

    @Test
    void onlyAnAnalystsTokenOpensTheStream() {
        given().accept("text/event-stream").get("/v1/kpis/stream").then().statusCode(401);
        given().auth().oauth2(token("stream-tenant", Roles.SELLER)).accept("text/event-stream")
                .get("/v1/kpis/stream").then().statusCode(403);
        // a client that does not ask for an event stream is not left waiting on one that never ends
        given().auth().oauth2(token("stream-tenant", Roles.ANALYST)).accept("application/json")
                .get("/v1/kpis/stream").then().statusCode(406);
        given().auth().oauth2(token("stream-tenant", Roles.ANALYST))
                .get("/v1/kpis/stream").then().statusCode(406);
    }

    private static void send(JourneyEventV1 event) {
        KAFKA.send(Topics.JOURNEY_EVENTS, EventKeys.account(event.tenantId(), event.accountKey()),
                EventJson.write(event));
    }

    private static String token(String tenant, String role) {
        return TandemInfrastructureResource.infrastructure().signingKey().token(tenant, Set.of(role),
                Duration.ofMinutes(5));
    }

    record Event(String name, String data) {
    }

    /** A server-sent event stream read line by line on a thread of its own; closing it disconnects. */
    static final class Events implements AutoCloseable {

        private static final Event END = new Event("", "");

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

        private Events(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(URI uri, String token) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET().build();
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Events(response);
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next event, failing if none comes within {@code timeout} or the stream ended. */
        Event next(Duration timeout) throws InterruptedException {
            Event event = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within " + timeout).isNotNull().isNotEqualTo(END);
            return event;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String name = "message";
                List<String> data = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            received.add(new Event(name, String.join("\n", data)));
                        }
                        name = "message";
                        data.clear();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (IOException closed) {
                // the test closed the stream
            } finally {
                received.add(END);
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
