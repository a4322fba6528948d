package dev.tandem.designer.rest;

import dev.tandem.designer.service.SimulationJob;
import dev.tandem.designer.service.SimulationService;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starting a simulation of a journey's draft; the job itself is {@link SimulationResource}'s. */
@Path("/v1/journeys/{journeyId}/simulations")
@RolesAllowed(Roles.DESIGNER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Simulations")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token does not grant the designer role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JourneySimulationResource {

    /** Which version to simulate; without it, the journey's draft. */
    public record SimulationRequest(@Schema(nullable = true, examples = "2") Integer version) {
    }

    private final SimulationService simulations;
    private final TenantContext tenant;

    public JourneySimulationResource(SimulationService simulations, TenantContext tenant) {
        this.simulations = simulations;
        this.tenant = tenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulate a draft against the recorded touchpoint log",
            description = "Runs the journey's draft (or the version named) and its published version (or the default "
                    + "journey) over the tenant's touchpoints on tandem.touchpoints.v1, with the live engine and the "
                    + "stream-time clock: accounts per stage, conversions, stalls, outcomes, and the accounts that "
                    + "would move, with reasons. A job: follow Location for progress and the report. Live state and "
                    + "read models are never touched.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = SimulationRequest.class),
            examples = {@ExampleObject(name = "the draft", value = "{}"),
                    @ExampleObject(name = "a version", value = "{\"version\": 2}")}))
    @APIResponse(responseCode = "202", description = "Queued or running; Location is the job",
            content = @Content(schema = @Schema(implementation = SimulationJob.View.class)))
    @APIResponse(responseCode = "400", description = "The version's criteria do not compile; each at its JSON Pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such journey or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The journey has no draft and no version was named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@PathParam("journeyId") String journeyId, SimulationRequest request) {
        return simulations.start(tenant.tenantId(), journeyId, request == null ? null : request.version())
                .map(view -> Response.accepted(view).location(URI.create("/v1/simulations/" + view.id()))
                        .type(MediaType.APPLICATION_JSON).build());
    }

}
