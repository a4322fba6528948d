package dev.tandem.designer.rest;

import dev.tandem.designer.service.DesignerRebuild;
import dev.tandem.support.rebuild.RebuildJob;
import dev.tandem.support.rebuild.RebuildRequests;
import dev.tandem.support.rebuild.RebuildRequests.RebuildRequest;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilds of the sellers' read model from the log, for platform operators (it spans every tenant). */
@Path(RebuildRequests.PATH)
@RolesAllowed(Roles.OPERATOR)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Operations", description = "Rebuilding the read model from the log")
public class RebuildResource {

    private final DesignerRebuild rebuild;

    public RebuildResource(DesignerRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the sellers' read model from the log",
            description = "Projects the contacts, account-snapshot and journey-event topics into a new generation of "
                    + "the read model (account journeys, timelines, contacts) while the live one goes on, then makes "
                    + "it current and catches up; the seller views never go blank. Erased people stay erased.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "designer",
            value = "{\"projection\": \"designer\"}")))
    @APIResponse(responseCode = "202", description = "Started; follow it at Location",
            content = @Content(schema = @Schema(implementation = RebuildJob.class)))
    @APIResponse(responseCode = "400", description = "No body, or a projection this service does not have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(RebuildRequest request) {
        return RebuildRequests.start(rebuild, request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A rebuild's progress",
            description = "State, records read of the log's total, rate; finished when state is done or failed.")
    @APIResponse(responseCode = "200", description = "The rebuild",
            content = @Content(schema = @Schema(implementation = RebuildJob.class)))
    @APIResponse(responseCode = "404", description = "No such rebuild on this instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response progress(@PathParam("id") String id) {
        return RebuildRequests.progress(rebuild, id);
    }
}
