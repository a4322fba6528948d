package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiQueries;
import dev.tandem.kpi.service.KpiReports;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shared KPI reports, each read from the tenant's maintained totals (never a scan of accounts). Definitions a
 * sales and a marketing leader agree on: docs/kpis.md.
 */
@Path("/v1/kpis")
@RolesAllowed(Roles.ANALYST)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "KPIs", description = "Shared sales and marketing KPIs, projected from journey events")
@APIResponses({
    @APIResponse(responseCode = "400", description = "A filter is not valid; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
    @APIResponse(responseCode = "403", description = "The token does not grant the analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
})
public class KpiReportResource {

    private final KpiQueries queries;
    private final TenantContext tenant;

    public KpiReportResource(KpiQueries queries, TenantContext tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Funnel by cohort month",
            description = "Per stage, the accounts that entered it and those that went on to a later stage (or won "
                    + "from it), with the rate; overall and per cohort (month of the journey's first stage).")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = KpiReports.Funnel.class)))
    public Uni<KpiReports.Funnel> funnel(@BeanParam KpiQueryParameters parameters) {
        return queries.funnel(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/velocity")
    @Operation(summary = "Days in each stage",
            description = "Median, 75th percentile and mean whole days over the stays that ended, the stage a deal "
                    + "closed from included; months are those the stay ended in.")
    @APIResponse(responseCode = "200", description = "Per stage",
            content = @Content(schema = @Schema(implementation = KpiReports.StageVelocity.class, type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<KpiReports.StageVelocity>> velocity(@BeanParam KpiQueryParameters parameters) {
        return queries.velocity(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/stalls")
    @Operation(summary = "Stalls and what became of them",
            description = "Accounts stalled now per stage; stall episodes per stage and per silent persona with "
                    + "their result: open, resumed, advanced, fell_back, won, lost, no_decision.")
    @APIResponse(responseCode = "200", description = "The stalls",
            content = @Content(schema = @Schema(implementation = KpiReports.Stalls.class)))
    public Uni<KpiReports.Stalls> stalls(@BeanParam KpiQueryParameters parameters) {
        return queries.stalls(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Committee coverage",
            description = "Per stage, the share of its required personas some committee member plays, over the "
                    + "open accounts; and the outcomes of closed accounts by their coverage at the close.")
    @APIResponse(responseCode = "200", description = "The coverage",
            content = @Content(schema = @Schema(implementation = KpiReports.Coverage.class)))
    public Uni<KpiReports.Coverage> coverage(@BeanParam KpiQueryParameters parameters) {
        return queries.coverage(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/contribution")
    @Operation(summary = "Contribution to stage advances and won deals",
            description = "The credit of every conversion shared among the touchpoints of its window, by source, "
                    + "channel, campaign and content, under one attribution model.")
    @APIResponse(responseCode = "200", description = "The credit",
            content = @Content(schema = @Schema(implementation = KpiReports.Contribution.class)))
    public Uni<KpiReports.Contribution> contribution(@BeanParam KpiQueryParameters parameters,
            @QueryParam("model") @Parameter(description = "first_touch, last_touch, linear, time_decay or "
                    + "w_shaped (default)", example = "linear") String model) {
        return queries.contribution(tenant.tenantId(), parameters.filter(), KpiParameters.model(model));
    }

    @GET
    @Path("/outcomes")
    @Operation(summary = "Outcomes",
            description = "Won, lost and no decision, the win and no-decision rates, by coverage band and momentum "
                    + "band at the close, and the cycle length (days from the first stage to the close).")
    @APIResponse(responseCode = "200", description = "The outcomes",
            content = @Content(schema = @Schema(implementation = KpiReports.Outcomes.class)))
    public Uni<KpiReports.Outcomes> outcomes(@BeanParam KpiQueryParameters parameters) {
        return queries.outcomes(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/reasons")
    @Operation(summary = "Decision reasons, buyers' beside sellers'",
            description = "The reasons deal touchpoints report, counted for buyers and for sellers, and per "
                    + "persona of the contact who gave them.")
    @APIResponse(responseCode = "200", description = "The reasons",
            content = @Content(schema = @Schema(implementation = KpiReports.Reasons.class)))
    public Uni<KpiReports.Reasons> reasons(@BeanParam KpiQueryParameters parameters) {
        return queries.reasons(tenant.tenantId(), parameters.filter());
    }

    @GET
    @Path("/enablement")
    @Operation(summary = "Content sellers used, and what followed",
            description = "Per piece of content in sales touchpoints: uses, accounts, accounts that advanced a stage "
                    + "within 30 days of the first use, accounts that went on to win.")
    @APIResponse(responseCode = "200", description = "Per piece of content",
            content = @Content(schema = @Schema(implementation = KpiReports.ContentUse.class, type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<KpiReports.ContentUse>> enablement(@BeanParam KpiQueryParameters parameters) {
        return queries.enablement(tenant.tenantId(), parameters.filter());
    }
}
