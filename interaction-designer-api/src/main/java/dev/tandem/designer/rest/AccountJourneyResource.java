package dev.tandem.designer.rest;

import dev.tandem.designer.service.AccountJourneyQueries;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
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

@Path("/v1/accounts/{accountKey}/journey")
@Tag(name = "Account journeys", description = "The buying committee of an account, as sellers see it")
public class AccountJourneyResource {

    private final AccountJourneyQueries queries;
    private final TenantContext tenant;

    public AccountJourneyResource(AccountJourneyQueries queries, TenantContext tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "An account's journey: momentum and committee with roles and engagement",
            description = "Projected from the account snapshots; eventually consistent with the journey state.")
    @APIResponse(responseCode = "200", description = "The account's journey",
            content = @Content(schema = @Schema(implementation = AccountJourneyResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountJourneyResponse> journey(@PathParam("accountKey") String accountKey) {
        return queries.journeyOf(tenant.tenantId(), accountKey).map(AccountJourneyResponse::of);
    }
}
