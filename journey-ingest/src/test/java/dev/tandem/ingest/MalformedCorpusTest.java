package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.support.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 malformed inputs (generated, seeded: {@link MalformedCorpus}) over every way in: each HTTP one is
 * answered 4xx with problem details, never 5xx; each raw record lands on the rejected topic with a reason and a field;
 * none of them puts anything on the touchpoint or contact topics (the run's tenant has no record there).
 */
@QuarkusTest
@QuarkusTestResource(value = TandemInfrastructureResource.class,
        initArgs = @ResourceArg(name = TandemInfrastructureResource.DATABASE, value = "ingest"))
class MalformedCorpusTest {

    private static final Logger LOG = Logger.getLogger(MalformedCorpusTest.class);
    private static final long SEED = 20_261_202L;
    private static final int IN_FLIGHT = 8;

    private final String bootstrap = TandemInfrastructureResource.infrastructure().kafkaBootstrapServers();

    @TestHTTPResource("/")
    URL root;

    private static String token(String tenant) {
        return TandemInfrastructureResource.infrastructure().signingKey()
                .token(tenant, "corpus", Set.of(Roles.INGEST), Duration.ofMinutes(30));
    }

    @Test
    void everyMalformedInputIsRefusedWithAProblemOrRejectedAndNothingIsPublished() throws Exception {
        String tenant = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        MalformedCorpus corpus = new MalformedCorpus(SEED);
        List<MalformedCorpus.HttpCase> httpCases = corpus.http(90, 2);
        List<MalformedCorpus.KafkaCase> kafkaCases = corpus.kafka(160, tenant);
        long started = System.nanoTime();

        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        String bearer = "Bearer " + token(tenant);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> answers = new ArrayList<>(httpCases.size());
        for (MalformedCorpus.HttpCase c : httpCases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(c.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", bearer).header("Content-Type", c.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
            c.headers().forEach(request::header);
            inFlight.acquire();
            answers.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            wrong.add(c.kind() + ": " + failure);
                        } else if (response.statusCode() < 400 || response.statusCode() >= 500
                                || !response.headers().firstValue("Content-Type").orElse("")
                                        .startsWith("application/problem+json")
                                || !response.body().contains("\"status\":" + response.statusCode())) {
                            wrong.add(c.kind() + " " + c.path() + ": " + response.statusCode() + " "
                                    + response.headers().firstValue("Content-Type").orElse("") + " "
                                    + response.body().substring(0, Math.min(200, response.body().length())));
                        }
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long httpDone = System.nanoTime();

        try (RawRecords raw = new RawRecords(bootstrap)) {
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(kafkaCases.size());
            for (int i = 0; i < kafkaCases.size(); i++) {
                MalformedCorpus.KafkaCase c = kafkaCases.get(i);
                records.add(RawRecords.record(tenant + "/" + i + "/" + c.kind(), c.value(), c.headers()));
            }
            raw.sendAll(records);
            raw.awaitConsumed(Duration.ofSeconds(120));
        }
        LOG.infof("Malformed corpus: %d HTTP requests in %d ms, %d raw records, %d inputs in all, %d ms", httpCases
                .size(), (httpDone - started) / 1_000_000, kafkaCases.size(), httpCases.size() + kafkaCases.size(),
                (System.nanoTime() - started) / 1_000_000);

        assertThat(httpCases.size() + kafkaCases.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(wrong).as("inputs not refused with a 4xx problem (%d)", wrong.size()).isEmpty();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<ConsumerRecord<String, String>> rejected = kafka.readToEnd(Topics.TOUCHPOINTS_REJECTED).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(tenant + "/")).toList();
            assertThat(rejected).hasSize(kafkaCases.size());
            assertThat(rejected).allSatisfy(r -> {
                assertThat(r.headers().lastHeader(RawTouchpointRecords.REJECTED_REASON)).isNotNull();
                assertThat(r.headers().lastHeader(RawTouchpointRecords.REJECTED_FIELD)).isNotNull();
                assertThat(r.headers().lastHeader(RawTouchpointRecords.REJECTED_FROM)).isNotNull();
            });
            assertThat(kafka.readToEnd(Topics.TOUCHPOINTS)).noneMatch(r -> r.key() != null
                    && r.key().startsWith(tenant + "/"));
            assertThat(kafka.readToEnd(Topics.CONTACTS)).noneMatch(r -> r.key() != null
                    && r.key().startsWith(tenant + "/"));
        }
    }

    @Test
    void mixedRequestsAndRecordsPublishExactlyTheirValidItems() throws Exception {
        String tenant = "mixed-" + UUID.randomUUID().toString().substring(0, 8);
        MalformedCorpus corpus = new MalformedCorpus(SEED + 1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> valid = new ArrayList<>();
        var nativeArray = json.createArrayNode();
        var cloudBatch = json.createArrayNode();
        var segmentBatch = json.createArrayNode();
        for (int i = 0; i < 6; i++) {
            var touchpoint = corpus.nativeTouchpoint();
            var event = corpus.cloudEvent();
            var track = corpus.segment(i % 2 == 0 ? "track" : "page");
            valid.add(touchpoint.get("eventId").asText());
            valid.add(event.get("id").asText());
            valid.add(track.get("messageId").asText());
            nativeArray.add(touchpoint).add(corpus.brokenItem("native", i));
            cloudBatch.add(corpus.brokenItem("cloudevent", i)).add(event);
            segmentBatch.add(track).add(corpus.brokenItem(i % 2 == 0 ? "track" : "group", i));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String bearer = "Bearer " + token(tenant);
        for (Object[] request : List.of(new Object[] {"/v1/touchpoints", "application/json", nativeArray, 202},
                new Object[] {"/v1/touchpoints", "application/cloudevents-batch+json", cloudBatch, 202},
                new Object[] {"/v1/batch", "application/json", json.createObjectNode().set("batch", segmentBatch),
                    200})) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(root.toString())
                            .resolve((String) request[0])).header("Authorization", bearer)
                    .header("Content-Type", (String) request[1])
                    .POST(HttpRequest.BodyPublishers.ofString(request[2].toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(request[3]);
            assertThat(response.body()).contains("\"accepted\":6").contains("\"rejected\":6");
        }
        try (RawRecords raw = new RawRecords(bootstrap)) {
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            Map<String, String> headers = RawRecords.tenantHeaders(tenant, "corpus");
            for (int i = 0; i < 4; i++) {
                var touchpoint = corpus.nativeTouchpoint();
                valid.add(touchpoint.get("eventId").asText());
                records.add(RawRecords.record("ok", json.writeValueAsBytes(touchpoint), headers));
                records.add(RawRecords.record("bad", json.writeValueAsBytes(corpus.brokenItem("native", i)),
                        headers));
            }
            raw.sendAll(records);
            raw.awaitConsumed(Duration.ofSeconds(60));
        }
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<String> published = kafka.readToEnd(Topics.TOUCHPOINTS).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(tenant + "/"))
                    .map(r -> dev.tandem.events.EventJson.read(r.value(), dev.tandem.events.TouchpointV1.class).eventId())
                    .toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(valid);
            assertThat(kafka.readToEnd(Topics.TOUCHPOINTS_REJECTED)).filteredOn(r -> "bad".equals(r.key())
                    && tenant.equals(new String(r.headers().lastHeader(RawTouchpointRecords.TENANT).value(),
                            StandardCharsets.UTF_8))).hasSize(4);
        }
    }
}
