package dev.tandem.designer.rest;

import dev.tandem.designer.service.JourneyDesignService;
import dev.tandem.designer.service.JourneyDraft;
import dev.tandem.designer.service.JourneyPage;
import dev.tandem.designer.service.JourneySummary;
import dev.tandem.designer.service.JourneyVersionView;
import dev.tandem.designer.service.QueryParameters;
import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/journeys")
@RolesAllowed(Roles.DESIGNER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Journey maps", description = "Stages, entry criteria and interaction points: drafts, versions, publishing "
        + "(role designer)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token does not grant the designer role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JourneyResource {

    public static final String EXAMPLE = """
            {"journeyId": "pilot", "name": "Product-led pilot", "halfLife": "P10D",
             "requiredRoles": ["champion", "technical_evaluator", "economic_buyer"],
             "stages": [
               {"key": "curious", "name": "Curious", "description": "Someone signed up or read about the product.",
                "entryCriteria": "touchpoints > 0", "stallAfter": "P14D", "requiredRoles": ["champion"],
                "interactionPoints": [{"role": "champion", "touchpointType": "webinar.attended", "owner": "marketing",
                                       "unblocks": "a short live session on the use case they came for"}]},
               {"key": "piloting", "name": "Piloting", "description": "A team runs a trial on its own data.",
                "entryCriteria": "'trial.started' in types && engagedMembers >= 2", "stallAfter": "P10D",
                "requiredRoles": ["champion", "technical_evaluator"],
                "interactionPoints": [{"role": "technical_evaluator", "touchpointType": "meeting.held",
                                       "owner": "sales", "unblocks": "a pilot success plan with their own data"}]}]}""";
    private static final String PROBLEM_400 = "Invalid input; each error names its field by JSON Pointer";

    private final JourneyDesignService journeys;
    private final TenantContext tenant;
    private final SecurityIdentity caller;

    public JourneyResource(JourneyDesignService journeys, TenantContext tenant, SecurityIdentity caller) {
        this.journeys = journeys;
        this.tenant = tenant;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's journeys in id order, a page at a time",
            description = "Follow nextCursor for the next page; it is null on the last.")
    @APIResponse(responseCode = "200", description = "A page of journeys",
            content = @Content(schema = @Schema(implementation = JourneyPage.class)))
    @APIResponse(responseCode = "400", description = PROBLEM_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneyPage> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "At most this many journeys (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit) {
        return journeys.list(tenant.tenantId(), cursor, limitOf(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a journey with its first draft (version 1)",
            description = "The draft may be incomplete; its problems list what publishing would refuse today.")
    @RequestBody(content = @Content(schema = @Schema(implementation = JourneyDraft.class),
            examples = @ExampleObject(name = "pilot", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location is the draft, ETag its state",
            content = @Content(schema = @Schema(implementation = JourneyVersionView.class)))
    @APIResponse(responseCode = "400", description = PROBLEM_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant has a journey with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(JourneyDraft draft) {
        return journeys.create(tenant.tenantId(), draft, actor()).map(view -> created(view));
    }

    @GET
    @Path("/{journeyId}")
    @Operation(summary = "A journey and its versions, newest first")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(schema = @Schema(implementation = JourneySummary.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such journey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneySummary> get(@PathParam("journeyId") String journeyId) {
        return journeys.get(tenant.tenantId(), journeyId);
    }

    @POST
    @Path("/{journeyId}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the next version as a draft",
            description = "With a body, the draft holds it; without, a copy of the newest version. A journey has at "
                    + "most one draft.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = JourneyDraft.class),
            examples = @ExampleObject(name = "pilot", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened; Location is the draft, ETag its state",
            content = @Content(schema = @Schema(implementation = JourneyVersionView.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such journey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The journey has a draft already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> openDraft(@PathParam("journeyId") String journeyId, JourneyDraft content) {
        return journeys.openDraft(tenant.tenantId(), journeyId, content, actor()).map(view -> created(view));
    }

    @GET
    @Path("/{journeyId}/versions/{version}")
    @Operation(summary = "One version of a journey",
            description = "A draft's problems list what publishing it would refuse, each at its JSON Pointer.")
    @APIResponse(responseCode = "200", description = "The version; ETag its state",
            content = @Content(schema = @Schema(implementation = JourneyVersionView.class)))
    @APIResponse(responseCode = "404", description = "No such journey or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> version(@PathParam("journeyId") String journeyId, @PathParam("version") String version) {
        return journeys.version(tenant.tenantId(), journeyId, versionOf(version)).map(JourneyResource::ok);
    }

    @PUT
    @Path("/{journeyId}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a draft",
            description = "Needs If-Match with the draft's ETag (428 without, 412 when it changed since). Published "
                    + "and archived versions are frozen (409).")
    @RequestBody(content = @Content(schema = @Schema(implementation = JourneyDraft.class),
            examples = @ExampleObject(name = "pilot", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; ETag its new state",
            content = @Content(schema = @Schema(implementation = JourneyVersionView.class)))
    @APIResponse(responseCode = "400", description = PROBLEM_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such journey or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is published or archived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> save(@PathParam("journeyId") String journeyId, @PathParam("version") String version,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JourneyDraft draft) {
        return journeys.updateDraft(tenant.tenantId(), journeyId, versionOf(version), draft, ifMatch, actor())
                .map(JourneyResource::ok);
    }

    @POST
    @Path("/{journeyId}/publish")
    @Operation(summary = "Publish the journey's draft",
            description = "Validates it (CEL criteria compiled against the committee variables; every role has a "
                    + "persona; every touchpoint type known; every stage reachable), freezes it, archives the version "
                    + "it supersedes and puts it in force on tandem.journey-definitions.v1 (an outbox in the same "
                    + "transaction: no dual write). With If-Match, only if the draft is still as read.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = JourneyVersionView.class)))
    @APIResponse(responseCode = "400", description = "Not publishable; each problem at its JSON Pointer in the draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such journey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The journey has no draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The draft changed since the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> publish(@PathParam("journeyId") String journeyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return journeys.publish(tenant.tenantId(), journeyId, ifMatch, actor()).map(JourneyResource::ok);
    }

    @POST
    @Path("/{journeyId}/archive")
    @Operation(summary = "Archive a journey",
            description = "Its published version is archived and withdrawn from journey-state (the tenant's accounts "
                    + "follow its other published journey, or the default). Publishing a draft brings it back.")
    @APIResponse(responseCode = "200", description = "Archived",
            content = @Content(schema = @Schema(implementation = JourneySummary.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such journey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneySummary> archive(@PathParam("journeyId") String journeyId) {
        return journeys.archive(tenant.tenantId(), journeyId, actor());
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    private static Response ok(JourneyVersionView view) {
        return Response.ok(view).type(MediaType.APPLICATION_JSON).tag(PersonaResource.unquoted(view.etag())).build();
    }

    private static Response created(JourneyVersionView view) {
        return Response.created(URI.create("/v1/journeys/" + view.journeyId() + "/versions/" + view.version()))
                .entity(view).type(MediaType.APPLICATION_JSON).tag(PersonaResource.unquoted(view.etag())).build();
    }

    private static int versionOf(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new jakarta.ws.rs.NotFoundException("No version " + version + "; versions are numbered from 1");
    }

    private static int limitOf(String limit) {
        if (limit == null) {
            return 50;
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        int value = QueryParameters.whole(limit, "limit", 1, JourneyDesignService.MAX_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid query parameter", errors);
        }
        return value;
    }
}
