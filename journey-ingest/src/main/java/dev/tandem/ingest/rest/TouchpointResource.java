package dev.tandem.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.ingest.service.IngestResult;
import dev.tandem.ingest.service.TouchpointIngestService;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/touchpoints")
@Tag(name = "Touchpoints", description = "What marketing automation and sellers' tools report")
public class TouchpointResource {

    private final TouchpointIngestService ingest;
    private final TenantContext tenant;

    public TouchpointResource(TouchpointIngestService ingest, TenantContext tenant) {
        this.ingest = ingest;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Report one touchpoint or an array of them",
            description = "Answers 202 only once the touchpoint log acknowledged every item. An invalid item "
                    + "refuses the whole request and nothing is published. Resending an eventId changes nothing. "
                    + "The tenant is the bearer token's; role ingest.")
    @APIResponse(responseCode = "202", description = "On the touchpoint log",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; each error names its field (JSON Pointer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the ingest role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log did not acknowledge in time; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(JsonNode body) {
        return ingest.ingest(tenant.tenantId(), body)
                .map(result -> Response.accepted(result).type(MediaType.APPLICATION_JSON).build());
    }
}
