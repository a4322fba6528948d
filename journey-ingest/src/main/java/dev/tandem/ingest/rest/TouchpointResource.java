package dev.tandem.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.mapping.CloudEventMapper;
import dev.tandem.ingest.mapping.TouchpointRequests;
import dev.tandem.ingest.service.HttpAnswer;
import dev.tandem.ingest.service.IdempotencyService;
import dev.tandem.ingest.service.IngestOutcome;
import dev.tandem.ingest.service.TouchpointIngestService;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/touchpoints}: native touchpoints and CloudEvents in, each item's result out. Reads the body itself
 * (its size is counted before any of it is parsed), maps it to items, calls ingest under the request's
 * Idempotency-Key if it has one, and answers what ingest decided.
 */
@Path(RequestBodyLimit.TOUCHPOINTS_PATH)
@Tag(name = "Touchpoints", description = "What marketing automation and sellers' tools report")
public class TouchpointResource {

    static final String IDEMPOTENCY_KEY = IngestAnswers.IDEMPOTENCY_KEY;
    static final String REPLAYED = IngestAnswers.REPLAYED;

    private final TouchpointIngestService ingest;
    private final IdempotencyService idempotency;
    private final TenantContext tenant;
    private final RequestBodyLimit bodyLimit;
    private final TouchpointRequests requests;
    private final ObjectMapper json;

    public TouchpointResource(TouchpointIngestService ingest, IdempotencyService idempotency, TenantContext tenant,
            RequestBodyLimit bodyLimit, IngestConfig config, ObjectMapper json) {
        this.ingest = ingest;
        this.idempotency = idempotency;
        this.tenant = tenant;
        this.bodyLimit = bodyLimit;
        this.requests = new TouchpointRequests(new CloudEventMapper(config.cloudevents().types()));
        this.json = json;
    }

    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes({MediaType.APPLICATION_JSON, TouchpointRequests.CLOUDEVENTS, TouchpointRequests.CLOUDEVENTS_BATCH})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Report touchpoints: one, an array, or CloudEvents",
            description = """
                    Each item gets its own result: accepted (on the touchpoint log, acks=all, before the answer), \
                    duplicate (its system:eventId was accepted recently: not published again) or rejected (with a \
                    reason and each error's field as a JSON Pointer into the body, e.g. /3/occurredAt; a binary-mode \
                    CloudEvent attribute is named by its header, e.g. ce-id). Only accepted items are published. \
                    202 when any item was accepted or a duplicate; 400 problem details listing every error when all \
                    were rejected. Media types: application/json (a touchpoint or an array of them; with ce-* \
                    headers a binary-mode CloudEvent whose body is its data), application/cloudevents+json (one \
                    structured-mode CloudEvent), application/cloudevents-batch+json (an array of them); a \
                    CloudEvent's data holds the touchpoint's fields, id/time/type/subject fill eventId, occurredAt, \
                    type and accountKey where data has none. Limits: a body of at most tandem.ingest.max-body-bytes \
                    (1 MiB, 413 before parsing), at most max-batch-size (500) items (413), an item over \
                    max-event-bytes (32 KiB of compact JSON) is rejected as too-large (a lone touchpoint: 413), and \
                    the tenant's rate in touchpoints (429). With an Idempotency-Key the first answer is replayed \
                    for the same request within tandem.ingest.idempotency.window (24 h). The tenant and the system \
                    are the credentials' (an API key's, or a bearer token's tenant and system claims); role ingest.""")
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            description = "1 to 255 visible ASCII characters, unique per request of the sending system; the same "
                    + "key with the same request answers the first answer again, without publishing anything",
            schema = @Schema(type = SchemaType.STRING), example = "\"4c1e2b1a-1f43-4a3e-9a0c-6a6f0d5c2e17\"")
    @Parameter(name = "ce-specversion", in = ParameterIn.HEADER, required = false,
            description = "Binary-mode CloudEvent (with ce-id, ce-source, ce-type; optional ce-time, ce-subject): "
                    + "the body is the event's data", schema = @Schema(type = SchemaType.STRING), example = "1.0")
    @APIResponse(responseCode = "202", description = "Each item's result; the accepted ones are on the touchpoint log",
            headers = @Header(name = REPLAYED, description = "true when this is the stored answer to an earlier "
                    + "request with the Idempotency-Key", schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestOutcome.class),
                    examples = @ExampleObject(name = "mixed batch", value = """
                            {"accepted":1,"duplicates":1,"rejected":1,"eventIds":["evt-1001"],"items":[
                              {"index":0,"eventId":"evt-1001","status":"accepted"},
                              {"index":1,"eventId":"evt-0999","status":"duplicate"},
                              {"index":2,"eventId":"evt-1002","status":"rejected","reason":"future-time",
                               "errors":[{"field":"/2/occurredAt","message":"lies in the future"}]}]}""")))
    @APIResponse(responseCode = "400", description = "Every item was rejected (or the body is not JSON of the media "
            + "type's shape); each error names its field by JSON Pointer. Nothing was published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "all rejected", value = """
                            {"type":"https://tandem.dev/problems/invalid-input","title":"Invalid input","status":400,
                             "detail":"Every one of the 2 items was rejected; nothing was accepted",
                             "errors":[{"field":"/0/type","message":"does not match the regex pattern"},
                                       {"field":"/1/specversion","message":"is a required CloudEvent attribute"}]}""")))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the ingest role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight; "
            + "retry after Retry-After seconds (type idempotency-key-in-flight)",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body, the number of items or a lone touchpoint is larger "
            + "than the limit; nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/json, application/cloudevents+json or "
            + "application/cloudevents-batch+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request "
            + "(type idempotency-key-reused); nothing was processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The tenant's touchpoint rate limit has fewer tokens than the "
            + "request's new valid items; nothing was accepted. Retry after the Retry-After header's seconds",
            headers = @Header(name = "Retry-After", description = "Whole seconds until the request would fit",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log did not acknowledge in time, or the Idempotency-Key "
            + "store is unreachable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, description = "Touchpoints (schemas/touchpoint-input.v1.json) or CloudEvents",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "native", value = """
                        [{"eventId":"evt-1001","accountKey":"northwind","type":"webinar.attended",
                          "source":"marketing","occurredAt":"2026-11-20T15:00:00Z"}]""")),
                @Content(mediaType = TouchpointRequests.CLOUDEVENTS, examples = @ExampleObject(name = "structured",
                        value = """
                        {"specversion":"1.0","id":"evt-1001","source":"https://marketo.example/acme",
                         "type":"webinar.attended","time":"2026-11-20T15:00:00Z",
                         "data":{"accountKey":"northwind","source":"marketing"}}""")),
                @Content(mediaType = TouchpointRequests.CLOUDEVENTS_BATCH, examples = @ExampleObject(name = "batch",
                        value = """
                        [{"specversion":"1.0","id":"evt-1001","source":"crm","type":"meeting.held",
                          "time":"2026-11-20T15:00:00Z","subject":"northwind","data":{"source":"sales"}}]"""))})
    public Uni<Response> report(@Context HttpServerRequest request) {
        String tenantId = tenant.tenantId();
        String sourceSystem = tenant.sourceSystem();
        String mediaType = IngestAnswers.mediaTypeOf(request.getHeader(HttpHeaders.CONTENT_TYPE));
        Map<String, String> ceHeaders = ceHeadersOf(request);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return bodyLimit.read(request).chain(body -> IngestAnswers.answer(idempotency, tenantId, sourceSystem, key,
                () -> IdempotencyService.requestHash(mediaType, ceHeaders, body.getBytes()),
                () -> answer(tenantId, sourceSystem, mediaType, ceHeaders, body)));
    }

    private Uni<HttpAnswer> answer(String tenantId, String sourceSystem, String mediaType,
            Map<String, String> ceHeaders, Buffer body) {
        return IngestAnswers.parse(json, body, tree -> requests.parse(mediaType, ceHeaders, tree))
                .chain(parsed -> ingest.ingest(tenantId, sourceSystem, parsed))
                .map(this::answerOf);
    }

    /** 202 with each item's result; when every item was rejected, 400 problem details naming every error. */
    private HttpAnswer answerOf(IngestOutcome outcome) {
        if (outcome.allRejected()) {
            String detail = outcome.items().size() == 1 ? "The touchpoint is invalid; nothing was accepted"
                    : "Every one of the " + outcome.items().size() + " items was rejected; nothing was accepted";
            return HttpAnswer.of(400, Problem.MEDIA_TYPE, IngestAnswers.write(json, Problem.invalid(detail, outcome.errors())));
        }
        return HttpAnswer.of(Response.Status.ACCEPTED.getStatusCode(), MediaType.APPLICATION_JSON,
                IngestAnswers.write(json, outcome));
    }

    /** The binary-mode CloudEvent attribute headers, by lower-case name. */
    private static Map<String, String> ceHeadersOf(HttpServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(CloudEventMapper.HEADER_PREFIX)) {
                headers.putIfAbsent(name, header.getValue());
            }
        });
        return headers;
    }
}
