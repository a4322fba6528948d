package dev.tandem.designer.rest;

import dev.tandem.designer.service.PersonaService;
import dev.tandem.designer.service.PersonaView;
import dev.tandem.model.persona.Persona;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/personas")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Personas", description = "Who is on a buying committee and what moves them (designers write, sellers read)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token does not grant a role this operation admits",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PersonaResource {

    public static final String EXAMPLE = """
            {"name": "Finance leader", "description": "Owns the budget line and signs off the business case.",
             "weight": 2.0, "titlePatterns": ["cfo", "finance director|head of finance"],
             "goals": ["predictable spend", "a business case the board accepts"],
             "decisionCriteria": [{"criterion": "total cost of ownership", "weight": 0.5},
                                  {"criterion": "time to value", "weight": 0.3}],
             "objections": [{"raisedBy": "procurement", "concern": "one more vendor to manage"}],
             "stallPoints": ["waits for the business case before any meeting"],
             "unblockingInformation": ["an ROI model with their own numbers", "a peer reference in their industry"],
             "preferredChannels": ["meeting", "email"]}""";

    private final PersonaService personas;
    private final TenantContext tenant;
    private final SecurityIdentity caller;

    public PersonaResource(PersonaService personas, TenantContext tenant, SecurityIdentity caller) {
        this.personas = personas;
        this.tenant = tenant;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.DESIGNER, Roles.SELLER})
    @Operation(summary = "The tenant's personas, by role")
    @APIResponse(responseCode = "200", description = "The personas",
            content = @Content(schema = @Schema(implementation = PersonaView[].class)))
    public Uni<List<PersonaView>> list() {
        return personas.list(tenant.tenantId());
    }

    @GET
    @Path("/{role}")
    @RolesAllowed({Roles.DESIGNER, Roles.SELLER})
    @Operation(summary = "The persona of one committee role", description = "Answers its ETag for a later PUT.")
    @APIResponse(responseCode = "200", description = "The persona",
            content = @Content(schema = @Schema(implementation = PersonaView.class)))
    @APIResponse(responseCode = "404", description = "No such role, or the tenant has no persona for it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "A committee role, e.g. economic_buyer", example = "economic_buyer")
            @PathParam("role") String role) {
        return personas.get(tenant.tenantId(), role).map(view -> Response.ok(view).tag(unquoted(view.etag())).build());
    }

    @PUT
    @Path("/{role}")
    @RolesAllowed(Roles.DESIGNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the persona of a committee role",
            description = "Replacing needs If-Match with the ETag last read (428 without, 412 when it changed since). "
                    + "Title patterns are case-insensitive regular expressions matched as whole words; the role in the "
                    + "path wins over one in the body.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Persona.class),
            examples = @ExampleObject(name = "finance leader", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PersonaView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = PersonaView.class)))
    @APIResponse(responseCode = "400", description = "Invalid persona; each error names its field by JSON Pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Replacing without If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("role") String role, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Persona body) {
        return personas.put(tenant.tenantId(), role, body, ifMatch, caller.getPrincipal().getName())
                .map(saved -> (saved.created()
                        ? Response.created(URI.create("/v1/personas/" + saved.view().persona().role().wireName()))
                        : Response.ok())
                        .entity(saved.view()).type(MediaType.APPLICATION_JSON).tag(unquoted(saved.view().etag()))
                        .build());
    }

    @DELETE
    @Path("/{role}")
    @RolesAllowed(Roles.DESIGNER)
    @Operation(summary = "Delete the persona of a committee role",
            description = "Published journeys keep working; a draft that names the role cannot be published until "
                    + "the persona is back.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The tenant has no persona for the role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("role") String role, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return personas.delete(tenant.tenantId(), role, ifMatch).map(ignored -> Response.noContent().build());
    }

    /** JAX-RS quotes the tag itself. */
    static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
