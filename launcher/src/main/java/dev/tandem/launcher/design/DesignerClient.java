package dev.tandem.launcher.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The journey-design API of interaction-designer-api, as the {@code tandem journey} commands use it: personas put
 * whole, a journey map saved as its draft and published. Every write names the ETag it read (If-Match), so a change
 * another designer made in between is refused, not overwritten.
 */
public final class DesignerClient {

    /** What the API answered: the HTTP status, the body (a problem's errors, if any) and the ETag, if any. */
    public record Answer(int status, JsonNode body, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** "field: message" for each error of a problem answer; the detail when it has none. */
        public List<String> problems() {
            List<String> found = new ArrayList<>();
            body.path("errors").forEach(e -> found.add((e.path("field").asText().isEmpty() ? "(document)"
                    : e.path("field").asText()) + ": " + e.path("message").asText()));
            if (found.isEmpty() && !ok()) {
                found.add(body.path("detail").asText(body.toString()));
            }
            return found;
        }
    }

    /** Where publishing got to: the draft version saved and, unless refused, the version published. */
    public record Publication(String journeyId, int draftVersion, Answer publish) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI designer;
    private final String authorization;

    /** @param bearerToken a token with the designer role of the tenant to design for */
    public DesignerClient(HttpClient http, URI designer, String bearerToken) {
        this.http = http;
        this.designer = designer;
        this.authorization = "Bearer " + bearerToken;
    }

    /** Creates or replaces each persona of {@code personasByRole} (a JSON object: role → persona). */
    public Map<String, Answer> putPersonas(String personasByRole) {
        JsonNode all = parse(personasByRole);
        if (!all.isObject()) {
            throw new IllegalArgumentException("a personas file is a JSON object of role → persona");
        }
        Map<String, Answer> answers = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = all.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> persona = fields.next();
            String path = "/v1/personas/" + persona.getKey();
            HttpResponse<String> current = send(request(path).GET());
            HttpRequest.Builder put = request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(persona.getValue().toString()));
            current.headers().firstValue("ETag").filter(tag -> current.statusCode() == 200)
                    .ifPresent(tag -> put.header("If-Match", tag));
            answers.put(persona.getKey(), answer(send(put)));
        }
        return answers;
    }

    /**
     * Saves a journey map (a draft body with its {@code journeyId}) as the journey's draft, creating the journey or
     * opening a draft as needed, then publishes it unless {@code draftOnly}.
     */
    public Publication publish(String journeyJson, boolean draftOnly) {
        JsonNode body = parse(journeyJson);
        String journeyId = body.path("journeyId").asText(null);
        if (journeyId == null || journeyId.isBlank()) {
            throw new IllegalArgumentException("the journey map has no journeyId");
        }
        Answer draft = saveDraft(journeyId, (ObjectNode) body);
        if (!draft.ok()) {
            return new Publication(journeyId, 0, draft);
        }
        int version = draft.body().path("version").asInt();
        if (draftOnly) {
            return new Publication(journeyId, version, draft);
        }
        HttpResponse<String> published = send(request("/v1/journeys/" + journeyId + "/publish")
                .header("If-Match", draft.etag()).POST(HttpRequest.BodyPublishers.noBody()));
        return new Publication(journeyId, version, answer(published));
    }

    /** Starts a simulation of the journey's draft ({@code POST /v1/journeys/{id}/simulations}). */
    public Answer simulate(String journeyId) {
        return answer(send(request("/v1/journeys/" + journeyId + "/simulations").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
    }

    /** Where a simulation stands ({@code GET /v1/simulations/{id}}). */
    public Answer simulation(String simulationId) {
        return answer(send(request("/v1/simulations/" + simulationId).GET()));
    }

    private Answer saveDraft(String journeyId, ObjectNode body) {
        HttpResponse<String> journey = send(request("/v1/journeys/" + journeyId).GET());
        if (journey.statusCode() == 404) {
            return answer(send(request("/v1/journeys").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
        }
        Answer found = answer(journey);
        if (!found.ok()) {
            return found;
        }
        JsonNode draftVersion = found.body().path("draftVersion");
        if (draftVersion.isMissingNode() || draftVersion.isNull()) {
            return answer(send(request("/v1/journeys/" + journeyId + "/versions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
        }
        String path = "/v1/journeys/" + journeyId + "/versions/" + draftVersion.asInt();
        HttpResponse<String> current = send(request(path).GET());
        return answer(send(request(path).header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("ETag").orElse(""))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(designer.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + built.uri() + " (is ./tandem up running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + built.uri(), e);
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank()
                ? EventJson.mapper().createObjectNode() : parse(body),
                response.headers().firstValue("ETag").orElse(null));
    }

    private static JsonNode parse(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
