package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.launcher.importer.HistoryImport;
import dev.tandem.launcher.importer.ImportCheckpoint;
import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import dev.tandem.launcher.platform.ServiceCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tandem import}'s engine against packaged journey-ingest, on a broker and databases of its own (the rest
 * of the platform is not needed, and a shared one would have 100,000 touchpoints to work through): a history of 100,000 lines (valid touchpoints,
 * resends, invalid and unreadable records) is imported, interrupted in the middle of a request, and resumed; every
 * record is counted once, every valid touchpoint is on the log exactly once, and each rejected or unreadable one is
 * in the rejects file with why.
 */
class HistoryImportEndToEndTest {

    private static final int LINES = 100_000;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static ServiceRig rig;

    @TempDir
    Path dir;

    @BeforeAll
    static void ingestAlone(@TempDir Path data) throws Exception {
        rig = ServiceRig.start(dev.tandem.launcher.platform.RepositoryRoot.locate(), data, List.of("-Xmx512m"),
                ServiceCatalog.INGEST);
        // a first load's rate: high enough to be quick, low enough that the importer still meets a 429 now and then
        rig.startService(ServiceCatalog.INGEST, List.of("tandem.ingest.rate-limit.touchpoints-per-second=10000",
                "tandem.ingest.rate-limit.burst=10000"));
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void anInterruptedImportResumedCountsEachRecordOnceAndPublishesEachTouchpointOnce() throws Exception {
        String tenant = "import-" + UUID.randomUUID().toString().substring(0, 8);
        Path history = dir.resolve("history.ndjson");
        Expected expected = writeHistory(history);
        HistoryImport.Settings settings = new HistoryImport.Settings(rig.baseUri(ServiceCatalog.INGEST),
                "Bearer " + rig.signingKey().token(tenant, "crm-export", Set.of("ingest"), Duration.ofHours(1)),
                500, 900 * 1024, false, Duration.ofMinutes(2));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // the first run is interrupted while a request is in flight, a third of the way in
        AtomicReference<Throwable> firstRun = new AtomicReference<>();
        Thread importer = new Thread(() -> {
            try {
                HistoryImport.run(history, settings, http, status -> { });
            } catch (Throwable stopped) {
                firstRun.set(stopped);
            }
        });
        importer.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (importer.isAlive() && checkpointAccepted(history) < LINES / 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        importer.interrupt();
        importer.join(Duration.ofMinutes(1).toMillis());
        assertThat(firstRun.get()).as("the first run was interrupted").isInstanceOf(InterruptedException.class);
        ImportCheckpoint interrupted = ImportCheckpoint.load(history, ImportCheckpoint.fingerprintOf(history))
                .orElseThrow();
        assertThat(interrupted.offset()).isPositive().isLessThan(Files.size(history));

        ImportCheckpoint done = HistoryImport.run(history, settings, http, status -> { });

        assertThat(done.offset()).isEqualTo(Files.size(history));
        assertThat(done.accepted()).isEqualTo(expected.valid());
        assertThat(done.duplicates()).isEqualTo(expected.resends());
        assertThat(done.rejected()).isEqualTo(expected.invalid() + expected.unreadable());
        List<String> rejects = Files.readAllLines(HistoryImport.rejectsFileOf(history));
        assertThat(rejects).hasSize((int) (expected.invalid() + expected.unreadable()));
        assertThat(rejects).filteredOn(line -> line.contains("\"reason\":\"unreadable\"")).hasSize(
                (int) expected.unreadable());
        assertThat(rejects).filteredOn(line -> line.contains("\"field\":\"/type\"")).hasSize((int) expected.invalid());

        Map<String, Integer> published = new HashMap<>();
        try (KafkaTestClient kafka = new KafkaTestClient(rig.bootstrapServers())) {
            for (ConsumerRecord<String, String> record : kafka.readToEnd(Topics.TOUCHPOINTS)) {
                if (record.key() != null && record.key().startsWith(tenant + "/")) {
                    JsonNode touchpoint = EventJson.mapper().readTree(record.value());
                    published.merge(touchpoint.path("eventId").asText(), 1, Integer::sum);
                }
            }
        }
        assertThat(published).hasSize((int) expected.valid());
        assertThat(published.values()).containsOnly(1);
    }

    private record Expected(long valid, long resends, long invalid, long unreadable) {
    }

    /**
     * 100,000 lines over 1,000 accounts: every 200th a resend of the line before it, every 333rd a touchpoint of an
     * unknown type, every 1,000th not JSON at all; the rest valid and unique.
     */
    private static Expected writeHistory(Path file) throws Exception {
        long valid = 0;
        long resends = 0;
        long invalid = 0;
        long unreadable = 0;
        String previous = null;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= LINES; i++) {
                String line;
                if (i % 1000 == 0) {
                    line = "{\"eventId\": \"broken-" + i;
                    unreadable++;
                } else if (i % 333 == 0) {
                    line = EventJson.write(touchpoint(i, "Not A Type"));
                    invalid++;
                } else if (i % 200 == 0 && previous != null) {
                    line = previous;
                    resends++;
                } else {
                    line = EventJson.write(touchpoint(i, i % 7 == 0 ? "meeting.held" : "email.clicked"));
                    previous = line;
                    valid++;
                }
                out.write(line);
                out.newLine();
            }
        }
        return new Expected(valid, resends, invalid, unreadable);
    }

    private static ObjectNode touchpoint(int i, String type) {
        int account = i % 1000;
        ObjectNode touchpoint = EventJson.mapper().createObjectNode()
                .put("eventId", "hist-" + i)
                .put("accountKey", "account-" + account)
                .put("type", type)
                .put("source", type.startsWith("meeting") ? "sales" : "marketing")
                .put("occurredAt", START.plus(Duration.ofMinutes(i)).toString());
        touchpoint.putObject("contact").put("email", "person" + (i % 5) + "@account-" + account + ".example.com")
                .put("title", "Director of Operations");
        return touchpoint;
    }

    private static long checkpointAccepted(Path history) {
        try {
            return ImportCheckpoint.load(history, ImportCheckpoint.fingerprintOf(history))
                    .map(ImportCheckpoint::accepted).orElse(0L);
        } catch (Exception notYet) {
            return 0; // being written: read again
        }
    }
}
