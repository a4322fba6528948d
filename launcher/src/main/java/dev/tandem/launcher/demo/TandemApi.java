package dev.tandem.launcher.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The platform's public HTTP APIs, as the demo uses them. */
public final class TandemApi {

    /**
     * An account's journey as the designer API serves it; {@code touchpointCount} counts the distinct touchpoints
     * in it (what the end-to-end benchmark watches for).
     */
    public record Journey(String accountKey, int momentum, long version, long touchpointCount,
            List<Member> committee) {
        public Journey {
            committee = committee == null ? List.of() : List.copyOf(committee);
        }
    }

    /** One line of the sellers' account list, as far as the launcher reads it. */
    public record AccountLine(String accountKey, int momentum, long touchpointCount, java.time.Instant lastTouchpointAt) {
    }

    /** A page of the sellers' account list; {@code nextCursor} is null on the last page. */
    public record AccountPage(List<AccountLine> accounts, String nextCursor) {
        public AccountPage {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    /** A committee member; the name is null until the contact's profile has been projected. */
    public record Member(String contactKey, String name, String role, double engagement) {
    }

    /** The shared KPIs, as far as the demo reads them. */
    public record KpiSummary(long accountsTracked, Map<String, Long> touchpointsBySource,
            Map<String, Long> committeeMembersByRole) {
        public KpiSummary {
            touchpointsBySource = touchpointsBySource == null ? Map.of() : Map.copyOf(touchpointsBySource);
            committeeMembersByRole = committeeMembersByRole == null ? Map.of() : Map.copyOf(committeeMembersByRole);
        }

        public long touchpointsTotal() {
            return touchpointsBySource.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Thrown when an API answers something other than expected. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    /** Leaves absent fields out: the input schema refuses e.g. {@code "direction": null}. */
    private static final ObjectMapper JSON = EventJson.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI ingest;
    private final URI designer;
    private final URI kpi;
    private final String authorization;

    /**
     * @param bearerToken a token whose roles cover what is called: ingest (touchpoints), seller (journeys),
     *        analyst (KPIs); every request carries it
     */
    public TandemApi(HttpClient http, URI ingest, URI designer, URI kpi, String bearerToken) {
        this.authorization = "Bearer " + bearerToken;
        this.http = http;
        this.ingest = ingest;
        this.designer = designer;
        this.kpi = kpi;
    }

    public URI ingestUri() {
        return ingest;
    }

    public URI designerUri() {
        return designer;
    }

    public URI kpiUri() {
        return kpi;
    }

    /** Posts touchpoints (one request, accepted or refused whole); fails unless the answer is 202. */
    public void postTouchpoints(List<?> touchpoints) {
        HttpRequest request = postOf(touchpoints);
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new ApiException("POST " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /**
     * Posts touchpoints without waiting: the future completes with the HTTP status (202: on the Kafka log), or
     * exceptionally when there was no answer.
     */
    public CompletableFuture<Integer> postTouchpointsAsync(List<?> touchpoints) {
        return http.sendAsync(postOf(touchpoints), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private HttpRequest postOf(List<?> touchpoints) {
        return HttpRequest.newBuilder(ingest.resolve("/v1/touchpoints"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(write(touchpoints)))
                .build();
    }

    /** The account's journey, or empty while the designer API does not know the account (404). */
    public Optional<Journey> journey(String accountKey) {
        HttpResponse<String> response = get(designer.resolve("/v1/accounts/" + accountKey + "/journey"));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(response, Journey.class));
    }

    /**
     * A page of the tenant's accounts in account-key order ({@code GET /v1/accounts?sort=accountKey}), at most
     * {@code limit} (1..200) of them; {@code cursor} is the previous page's {@code nextCursor}, null for the first.
     */
    /** One page of the account list, most recent touchpoint first (the account key breaks ties). */
    public AccountPage recentAccountPage(String cursor, int limit) {
        String query = "/v1/accounts?sort=-lastTouchpointAt&limit=" + limit
                + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                        java.nio.charset.StandardCharsets.UTF_8));
        return read(get(designer.resolve(query)), AccountPage.class);
    }

    public KpiSummary kpiSummary() {
        return read(get(kpi.resolve("/v1/kpis/summary")), KpiSummary.class);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("Authorization", authorization).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while calling " + request.uri());
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        if (response.statusCode() != 200) {
            throw new ApiException("GET " + response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ApiException("GET " + response.uri() + " answered what is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
