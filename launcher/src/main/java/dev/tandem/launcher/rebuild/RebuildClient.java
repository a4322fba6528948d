package dev.tandem.launcher.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Starts a projection's rebuild through its service's operations API ({@code POST /v1/admin/rebuilds}) and follows
 * it to the end, drawing a progress bar.
 */
public final class RebuildClient {

    private static final int BAR = 30;

    private final HttpClient http;
    private final URI base;
    private final String operatorToken;

    public RebuildClient(HttpClient http, URI base, String operatorToken) {
        this.http = http;
        this.base = base;
        this.operatorToken = operatorToken;
    }

    /**
     * Rebuilds {@code projection} and returns the finished job (state {@code done} or {@code failed}).
     *
     * @param out where the progress goes: one line every {@code every}, or a bar redrawn in place on a terminal
     */
    public JsonNode rebuild(String projection, PrintWriter out, Duration every, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> started = http.send(request(base.resolve("/v1/admin/rebuilds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"projection\":\"" + projection + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the rebuild did not start (" + started.statusCode() + "): "
                    + started.body());
        }
        URI location = base.resolve(started.headers().firstValue("Location").orElseThrow());
        boolean terminal = System.console() != null;
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrinted = 0;
        while (System.nanoTime() < deadline) {
            JsonNode job = EventJson.mapper().readTree(http.send(request(location).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            boolean finished = job.path("finishedAt").isTextual();
            boolean counting = job.path("logOffsetsTotal").asLong() > 0;
            if (finished || counting && System.nanoTime() - lastPrinted >= every.toNanos()) {
                out.print((terminal ? "\r" : "") + line(job) + (terminal && !finished ? "" : System.lineSeparator()));
                out.flush();
                lastPrinted = System.nanoTime();
            }
            if (finished) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the rebuild did not finish within " + timeout);
    }

    /** {@code [########------] 57%  123,456 records read  24,012/s  running}: the share is of the log's offsets. */
    static String line(JsonNode job) {
        long covered = job.path("logOffsetsRead").asLong();
        long total = Math.max(1, job.path("logOffsetsTotal").asLong());
        int filled = (int) Math.min(BAR, covered * BAR / total);
        return String.format("  [%s%s] %3d%%  %,d records read  %,d/s  %s", "#".repeat(filled),
                "-".repeat(BAR - filled), Math.min(100, covered * 100 / total), job.path("eventsRead").asLong(),
                job.path("eventsPerSecond").asLong(), job.path("state").asText());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + operatorToken);
    }
}
