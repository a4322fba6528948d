package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiQueries;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/v1/kpis")
@RolesAllowed(Roles.ANALYST)
@Tag(name = "KPIs", description = "Shared sales and marketing KPIs, projected from journey events")
public class KpiResource {

    private final KpiQueries queries;
    private final TenantContext tenant;

    public KpiResource(KpiQueries queries, TenantContext tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's KPIs over all tracked accounts",
            description = "Touchpoints by source, committee members by role, open accounts by stage, stalls, "
                    + "stage conversion and time in stage, outcomes and the no-decision rate; eventually consistent.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = KpiSummaryResponse.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant a role this operation admits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<KpiSummaryResponse> summary() {
        return queries.summaryOf(tenant.tenantId()).map(KpiSummaryResponse::of);
    }

    @GET
    @Path("/accounts/{accountKey}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "One account's KPIs",
            description = "Its touchpoints, committee, momentum, current stage, stage entries, time in stage, "
                    + "stall and outcome.")
    @APIResponse(responseCode = "200", description = "The account's KPIs",
            content = @Content(schema = @Schema(implementation = AccountKpisResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant a role this operation admits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountKpisResponse> account(@PathParam("accountKey") String accountKey) {
        return queries.accountOf(tenant.tenantId(), accountKey).map(AccountKpisResponse::of);
    }
}
