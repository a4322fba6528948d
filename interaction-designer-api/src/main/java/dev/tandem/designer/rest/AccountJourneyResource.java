package dev.tandem.designer.rest;

import dev.tandem.designer.service.AccountJourneyQueries;
import dev.tandem.designer.service.AccountListQuery;
import dev.tandem.designer.service.RoleAssignments;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/accounts")
@RolesAllowed({Roles.SELLER, Roles.DESIGNER})
@Tag(name = "Account journeys", description = "The buying committee of an account, as sellers see it")
public class AccountJourneyResource {

    /** A seller's role assignment: the role the member plays, whatever the title says. */
    public record RoleBody(@Schema(examples = "economic_buyer") String role) {
    }

    private final AccountJourneyQueries queries;
    private final RoleAssignments roles;
    private final TenantContext tenant;
    private final SecurityIdentity caller;

    public AccountJourneyResource(AccountJourneyQueries queries, RoleAssignments roles, TenantContext tenant,
            SecurityIdentity caller) {
        this.queries = queries;
        this.roles = roles;
        this.tenant = tenant;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The tenant's accounts, filtered and sorted, a page at a time",
            description = "Filters and sorts on each account's latest snapshot (momentum as of its latest touchpoint; "
                    + "the single-account view is exact to the request). Follow nextCursor with the same filters and "
                    + "sort for the next page.")
    @APIResponse(responseCode = "200", description = "The matching accounts",
            content = @Content(schema = @Schema(implementation = AccountListResponse.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid; errors name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant a role this operation admits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountListResponse> list(
            @Parameter(description = "Only accounts currently in this stage (a stage key)", example = "validation")
            @QueryParam("stage") String stage,
            @Parameter(description = "true: only stalled accounts; false: only accounts without active stalls",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("stalled") String stalled,
            @Parameter(description = "Only accounts with at least this momentum",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
            @QueryParam("minMomentum") String minMomentum,
            @Parameter(description = "Only accounts with at most this momentum",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
            @QueryParam("maxMomentum") String maxMomentum,
            @Parameter(description = "Only accounts where no engaged member plays this committee role",
                    example = "economic_buyer")
            @QueryParam("missingRole") String missingRole,
            @Parameter(description = "The order (default -momentum); the account key breaks ties",
                    schema = @Schema(enumeration = {"-momentum", "momentum", "-lastTouchpointAt", "lastTouchpointAt",
                            "accountKey"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "At most this many accounts (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit) {
        AccountListQuery query = AccountListQuery.parse(stage, stalled, minMomentum, maxMomentum, missingRole, sort,
                cursor, limit);
        return queries.list(tenant.tenantId(), query)
                .map(page -> AccountListResponse.of(page.accounts(), query.limit(), page.nextCursor()));
    }

    @GET
    @Path("/{accountKey}/journey")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "An account's journey: momentum, committee, stage, trend, stalls and why",
            description = "Projected from the account snapshots; eventually consistent with the journey state.")
    @APIResponse(responseCode = "200", description = "The account's journey",
            content = @Content(schema = @Schema(implementation = AccountJourneyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant a role this operation admits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountJourneyResponse> journey(@PathParam("accountKey") String accountKey) {
        return queries.journeyOf(tenant.tenantId(), accountKey).map(AccountJourneyResponse::of);
    }

    @PUT
    @Path("/{accountKey}/committee/{contactKey}/role")
    @RolesAllowed(Roles.SELLER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Assign or correct a committee member's role",
            description = "Sent through Kafka to journey-state as a role.assigned touchpoint; it wins over the role "
                    + "the title infers until another assignment, and shows in the account's journey with roleSource "
                    + "seller once journey-state has applied it (usually within a second).")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoleBody.class),
            examples = @ExampleObject(name = "economic buyer", value = "{\"role\": \"economic_buyer\"}")))
    @APIResponse(responseCode = "202", description = "On the log; the view follows",
            content = @Content(schema = @Schema(implementation = RoleAssignments.RoleAssignment.class)))
    @APIResponse(responseCode = "400", description = "Not a committee role; the error names /role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account for this tenant, or no such member in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the seller role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assignRole(@PathParam("accountKey") String accountKey,
            @PathParam("contactKey") String contactKey, RoleBody body) {
        return roles.assign(tenant.tenantId(), accountKey, contactKey, body == null ? null : body.role(),
                        caller.getPrincipal().getName())
                .map(sent -> Response.accepted(sent).type(MediaType.APPLICATION_JSON).build());
    }
}
