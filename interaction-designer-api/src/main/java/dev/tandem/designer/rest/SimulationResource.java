package dev.tandem.designer.rest;

import dev.tandem.designer.service.SimulationJob;
import dev.tandem.designer.service.SimulationService;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/simulations")
@RolesAllowed(Roles.DESIGNER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Simulations", description = "A draft journey run against the recorded touchpoint log, beside the "
        + "published version (role designer)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token does not grant the designer role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SimulationResource {

    private final SimulationService simulations;
    private final TenantContext tenant;

    public SimulationResource(SimulationService simulations, TenantContext tenant) {
        this.simulations = simulations;
        this.tenant = tenant;
    }

    @GET
    @Path("/{simulationId}")
    @Operation(summary = "A simulation: status, progress and, once completed, its report")
    @APIResponse(responseCode = "200", description = "The simulation",
            content = @Content(schema = @Schema(implementation = SimulationJob.View.class)))
    @APIResponse(responseCode = "404", description = "No such simulation for this tenant on this instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimulationJob.View get(@PathParam("simulationId") String simulationId) {
        return simulations.get(tenant.tenantId(), simulationId);
    }

    @DELETE
    @Path("/{simulationId}")
    @Operation(summary = "Cancel a simulation", description = "It stops within a poll of the log (half a second); "
            + "a finished one stays as it finished.")
    @APIResponse(responseCode = "200", description = "Cancellation requested; where it stands",
            content = @Content(schema = @Schema(implementation = SimulationJob.View.class)))
    @APIResponse(responseCode = "404", description = "No such simulation for this tenant on this instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimulationJob.View cancel(@PathParam("simulationId") String simulationId) {
        return simulations.cancel(tenant.tenantId(), simulationId);
    }
}
