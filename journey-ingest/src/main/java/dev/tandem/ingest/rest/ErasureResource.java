package dev.tandem.ingest.rest;

import dev.tandem.ingest.service.ErasureService;
import dev.tandem.ingest.service.ErasureService.Subject;
import dev.tandem.ingest.service.ErasureView;
import dev.tandem.support.rest.InvalidInputException;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import dev.tandem.events.FieldError;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/erasures")
@RolesAllowed(Roles.ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Erasures", description = "Forget a person everywhere (role admin)")
@APIResponse(responseCode = "401", description = "No credentials, or ones that do not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credentials do not grant the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ErasureResource {

    private static final int MAX_PAGE = 100;

    /** The person to erase: their email, or their contact key (c_…), exactly one. */
    public record ErasureRequest(String email, String contactKey) {
    }

    private final ErasureService erasures;
    private final TenantContext tenant;
    private final SecurityIdentity caller;

    public ErasureResource(ErasureService erasures, TenantContext tenant, SecurityIdentity caller) {
        this.erasures = erasures;
        this.tenant = tenant;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a person",
            description = "Deletes the person's data key at once, so their email, name and title become unreadable "
                    + "in every topic (dead letters included) and every store that holds them sealed; then the "
                    + "services that keep plaintext copies delete them and confirm. Journey histories keep the "
                    + "pseudonymous contact key only. Idempotent: while an erasure of the person runs, or when one "
                    + "completed and nothing new arrived since, that erasure is answered (200).")
    @APIResponse(responseCode = "202", description = "Started; follow it at the Location",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "200", description = "An erasure of this person already covers it",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of email and contactKey, or an invalid one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(ErasureRequest request) {
        Subject subject = request == null ? null : new Subject(request.email(), request.contactKey());
        return erasures.request(tenant.tenantId(), subject, caller.getPrincipal().getName())
                .map(outcome -> Response.status(outcome.started() ? Response.Status.ACCEPTED : Response.Status.OK)
                        .location(URI.create("/v1/erasures/" + outcome.erasure().id()))
                        .entity(outcome.erasure()).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/{erasureId}")
    @Operation(summary = "An erasure: its status, who asked, which services confirmed")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such erasure",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ErasureView> find(@PathParam("erasureId") String erasureId) {
        return erasures.find(tenant.tenantId(), erasureId);
    }

    @GET
    @Operation(summary = "The tenant's erasures, newest first: the audit trail")
    @APIResponse(responseCode = "200", description = "The erasures",
            content = @Content(schema = @Schema(implementation = ErasureView[].class)))
    @APIResponse(responseCode = "400", description = "limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ErasureView>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit must be 1 to " + MAX_PAGE,
                    List.of(new FieldError("limit", "must be 1 to " + MAX_PAGE)));
        }
        return erasures.list(tenant.tenantId(), limit);
    }
}
