package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Sends one batch of a history to journey-ingest under an Idempotency-Key, until it has an answer it can count:
 * a throttled (429), busy (409: the same key in flight) or unavailable (503, 5xx, no connection) ingest is asked
 * again with the same key after a pause (Retry-After, else growing to 10 s), for at most {@code patience}; the key
 * makes a repeat of a batch ingest already took answer the first answer again instead of publishing twice.
 */
final class IngestSender {

    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI ingest;
    private final String authorization;
    private final Duration patience;

    IngestSender(HttpClient http, URI ingest, String authorization, Duration patience) {
        this.http = http;
        this.ingest = ingest;
        this.authorization = authorization;
        this.patience = patience;
    }

    BatchAnswer send(RecordFormat format, List<JsonNode> records, String idempotencyKey)
            throws IOException, InterruptedException {
        byte[] body = EventJson.mapper().writeValueAsBytes(format.body(records));
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve(format.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", format.contentType())
                .header("Authorization", authorization)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = Duration.ofMillis(200);
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException unreachable) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("journey-ingest at " + ingest + " did not answer: " + unreachable, unreachable);
                }
                Thread.sleep(pause.toMillis());
                pause = longer(pause);
                continue;
            }
            int status = response.statusCode();
            if (status == 200 || status == 202) {
                return BatchAnswer.ofItems(EventJson.mapper().readTree(response.body()), records.size());
            }
            if (status == 400) {
                JsonNode problem = EventJson.mapper().readTree(response.body());
                return BatchAnswer.allRejected(problem, records.size(), format.pointerPrefix(), "invalid");
            }
            if (status == 413 && records.size() == 1) {
                return BatchAnswer.allRejected(1, "too-large", "larger than ingest takes (32 KiB per touchpoint)");
            }
            if (status == 401 || status == 403) {
                throw new IOException("journey-ingest refused the credentials (" + status + "): give a token with "
                        + "role ingest (--token) or an API key (--api-key)");
            }
            boolean again = status == 429 || status == 409 || status == 503 || status >= 500;
            if (!again || System.nanoTime() > deadline) {
                throw new IOException("journey-ingest answered " + status + ": " + response.body());
            }
            Duration wait = response.headers().firstValue("Retry-After").map(IngestSender::seconds).orElse(pause);
            Thread.sleep(Math.min(wait.toMillis(), MAX_PAUSE.toMillis()));
            pause = longer(pause);
        }
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
