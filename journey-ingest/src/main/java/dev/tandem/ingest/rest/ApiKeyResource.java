package dev.tandem.ingest.rest;

import dev.tandem.ingest.service.ApiKeyService;
import dev.tandem.ingest.service.ApiKeyView;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/api-keys")
@RolesAllowed(Roles.ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "API keys", description = "Credentials of a tenant's sending systems (role admin)")
@APIResponse(responseCode = "401", description = "No credentials, or ones that do not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credentials do not grant the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiKeyResource {

    /** What an admin asks for: the system the key speaks for, and a label to know it by. */
    public record NewApiKey(String system, String label) {
    }

    private final ApiKeyService apiKeys;
    private final TenantContext tenant;
    private final SecurityIdentity caller;

    public ApiKeyResource(ApiKeyService apiKeys, TenantContext tenant, SecurityIdentity caller) {
        this.apiKeys = apiKeys;
        this.tenant = tenant;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for a sending system",
            description = "The answer carries the key (tdm_…) once; only its hash is kept. A system has at most two "
                    + "active keys: issue the next, switch the system to it, revoke the old one.")
    @APIResponse(responseCode = "201", description = "Issued; the key is in the body, and only there",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid system or label; each error names its field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The system has two active keys already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(NewApiKey request) {
        NewApiKey body = request == null ? new NewApiKey(null, null) : request;
        return apiKeys.issue(tenant.tenantId(), body.system(), body.label(), actor())
                .map(key -> Response.created(URI.create("/v1/api-keys/" + key.id())).entity(key)
                        .type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Operation(summary = "The tenant's API keys, active and revoked, newest first; never a secret")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = ApiKeyView[].class)))
    public Uni<List<ApiKeyView>> list() {
        return apiKeys.list(tenant.tenantId());
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke an API key",
            description = "Effective at once on the instance that answers and within 30 seconds on every other. "
                    + "Revoking a revoked key changes nothing. The key stays listed, with when and by whom.")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ApiKeyView> revoke(@PathParam("keyId") String keyId) {
        return apiKeys.revoke(tenant.tenantId(), keyId, actor());
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
