package dev.tandem.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.service.IngestResult;
import dev.tandem.ingest.service.TouchpointIngestService;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RequestBodyLimit.PATH)
@Tag(name = "Touchpoints", description = "What marketing automation and sellers' tools report")
public class TouchpointResource {

    private final TouchpointIngestService ingest;
    private final TenantContext tenant;
    private final RequestBodyLimit bodyLimit;
    private final ObjectMapper json;

    public TouchpointResource(TouchpointIngestService ingest, TenantContext tenant, RequestBodyLimit bodyLimit,
            ObjectMapper json) {
        this.ingest = ingest;
        this.tenant = tenant;
        this.bodyLimit = bodyLimit;
        this.json = json;
    }

    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Report one touchpoint or an array of them",
            description = "Answers 202 only once the touchpoint log acknowledged every item. An invalid item "
                    + "refuses the whole request and nothing is published. Resending an eventId changes nothing; "
                    + "event ids are unique per sending system, so two systems' 1001 are two touchpoints. The tenant "
                    + "and the system are the credentials' (an API key's, or a bearer token's tenant and system "
                    + "claims); role ingest. Limits: a body of at most "
                    + "tandem.ingest.max-body-bytes (1 MiB), at most max-batch-size (500) touchpoints, each at most "
                    + "max-event-bytes (32 KiB) as compact JSON, and each tenant's rate limit in touchpoints "
                    + "(default 2000 per second, bursts of 10000).")
    @APIResponse(responseCode = "202", description = "On the touchpoint log",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; each error names its field (JSON Pointer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the ingest role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body, the number of touchpoints or one touchpoint is "
            + "larger than the limit; an item is named by JSON Pointer. Nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The tenant's touchpoint rate limit has fewer tokens than the "
            + "request carries; nothing was accepted. Retry after the Retry-After header's seconds",
            headers = @Header(name = "Retry-After", description = "Whole seconds until the request would fit",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log did not acknowledge in time; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, description = "A touchpoint (schemas/touchpoint-input.v1.json) or an array of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Uni<Response> report(@Context HttpServerRequest request) {
        String tenantId = tenant.tenantId();
        String sourceSystem = tenant.sourceSystem();
        // the body is read here rather than by REST, so that its size is counted before any of it is parsed
        return bodyLimit.read(request)
                .onItem().transformToUni(this::parse)
                .onItem().transformToUni(body -> ingest.ingest(tenantId, sourceSystem, body))
                .map(result -> Response.accepted(result).type(MediaType.APPLICATION_JSON).build());
    }

    /** Malformed JSON fails with Jackson's exception, which the shared mapper answers as 400 naming where. */
    private Uni<JsonNode> parse(Buffer body) {
        try {
            return Uni.createFrom().item(json.readTree(body.getBytes()));
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
