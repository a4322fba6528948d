package dev.tandem.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.service.HttpAnswer;
import dev.tandem.ingest.service.IdempotencyService;
import dev.tandem.ingest.service.SegmentIngestService;
import dev.tandem.ingest.service.SegmentOutcome;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Segment's HTTP tracking API ({@code /v1/track}, {@code /v1/page}, {@code /v1/screen}, {@code /v1/identify},
 * {@code /v1/group}, {@code /v1/batch}), so a Segment library pointed at Tandem works: its write key is a Tandem API key (HTTP Basic
 * user name, empty password), which names the tenant and the sending system. Reads the body like
 * {@code /v1/touchpoints} (counted before parsing), honours an Idempotency-Key the same way, and answers Segment's
 * {@code 200 {"success":true}} with each message's result; 400 problem details when every message was rejected.
 */
@Path("/v1")
@APIResponse(responseCode = "200", description = "Segment's success flag and each message's result",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = SegmentOutcome.class)))
@APIResponse(responseCode = "400", description = "Every message was rejected, or the body is not a Segment "
        + "call; each error names its field by JSON Pointer (/batch/3/event). Nothing was published",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unmapped event", value = """
                        {"type":"https://tandem.dev/problems/invalid-input","title":"Invalid input","status":400,
                         "detail":"The message is invalid; nothing was accepted",
                         "errors":[{"field":"/event","message":"maps to no touchpoint type …"}]}""")))
@APIResponse(responseCode = "401", description = "No write key or token, or one that does not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "The body or the batch is larger than the limit",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "415", description = "Not application/json",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Over the tenant's touchpoint rate; retry after Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The log or the database did not answer in time; retry",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Segment", description = "Segment-spec calls from tools that speak Segment's tracking API")
public class SegmentResource {

    private final SegmentIngestService segment;
    private final IdempotencyService idempotency;
    private final TenantContext tenant;
    private final RequestBodyLimit bodyLimit;
    private final ObjectMapper json;

    public SegmentResource(SegmentIngestService segment, IdempotencyService idempotency, TenantContext tenant,
            RequestBodyLimit bodyLimit, ObjectMapper json) {
        this.segment = segment;
        this.idempotency = idempotency;
        this.tenant = tenant;
        this.bodyLimit = bodyLimit;
        this.json = json;
    }

    static final String DESCRIPTION = """
                    track, page and screen become touchpoints (messageId → eventId, timestamp → occurredAt, a \
                    track's event → type through tandem.ingest.segment.tenants.<tenant>.systems.<system>.events or \
                    the default rule 'Webinar Attended' → webinar.attended, a page or screen → the system's page or \
                    screen type (page.viewed, screen.viewed); context.groupId or properties.accountKey → accountKey; \
                    context.traits email/name/title → contact), else taking the account and contact from the \
                    user's earlier group and identify calls. identify publishes the contact's sealed profile; group \
                    ties the user to an account. Authenticate with the write key (a Tandem API key) as HTTP Basic \
                    user name and an empty password, or a bearer token with role ingest. Limits and \
                    Idempotency-Key as on /v1/touchpoints.""";

    @POST
    @Path("track")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment track: an event, as a touchpoint", description = DESCRIPTION)
    public Uni<Response> track(@Context HttpServerRequest request) {
        return call("track", request);
    }

    @POST
    @Path("page")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment page: a page view, as a touchpoint of the system's page type",
            description = DESCRIPTION)
    public Uni<Response> page(@Context HttpServerRequest request) {
        return call("page", request);
    }

    @POST
    @Path("screen")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment screen: a screen of a mobile or desktop app, as a touchpoint of the system's screen "
            + "type", description = DESCRIPTION)
    public Uni<Response> screen(@Context HttpServerRequest request) {
        return call("screen", request);
    }

    @POST
    @Path("identify")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment identify: the contact's profile (traits.email required), remembered for the user",
            description = DESCRIPTION)
    public Uni<Response> identify(@Context HttpServerRequest request) {
        return call("identify", request);
    }

    @POST
    @Path("group")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment group: the user's account (groupId)", description = DESCRIPTION)
    public Uni<Response> group(@Context HttpServerRequest request) {
        return call("group", request);
    }

    @POST
    @Path("batch")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Segment batch: {\"batch\":[…]} of track, page, screen, identify and group messages, "
            + "each answered on its own", description = DESCRIPTION)
    public Uni<Response> batch(@Context HttpServerRequest request) {
        return call("batch", request);
    }

    private Uni<Response> call(String call, HttpServerRequest request) {
        String tenantId = tenant.tenantId();
        String system = tenant.sourceSystem();
        String mediaType = IngestAnswers.mediaTypeOf(request.getHeader(HttpHeaders.CONTENT_TYPE));
        String key = request.getHeader(IngestAnswers.IDEMPOTENCY_KEY);
        // the call is part of the request: the same body on another path is another request
        return bodyLimit.read(request).chain(body -> IngestAnswers.answer(idempotency, tenantId, system, key,
                () -> IdempotencyService.requestHash(mediaType, Map.of("segment-call", call), body.getBytes()),
                () -> answer(tenantId, system, call, body)));
    }

    private Uni<HttpAnswer> answer(String tenantId, String system, String call, Buffer body) {
        return IngestAnswers.parse(json, body, tree -> tree)
                .chain(tree -> segment.ingest(tenantId, system, call, tree))
                .map(this::answerOf);
    }

    private HttpAnswer answerOf(SegmentOutcome outcome) {
        if (outcome.rejected() == outcome.items().size()) {
            String detail = outcome.items().size() == 1 ? "The message is invalid; nothing was accepted"
                    : "Every one of the " + outcome.items().size() + " messages was rejected; nothing was accepted";
            return HttpAnswer.of(400, Problem.MEDIA_TYPE, IngestAnswers.write(json, Problem.invalid(detail,
                    outcome.items().stream().flatMap(item -> item.errors().stream()).toList())));
        }
        return HttpAnswer.of(200, MediaType.APPLICATION_JSON, IngestAnswers.write(json, outcome));
    }
}
