package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiRevisions;
import dev.tandem.support.rest.Problem;
import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Server-sent events that tell a live dashboard when the tenant's KPIs changed. */
@Path("/v1/kpis")
@RolesAllowed(Roles.ANALYST)
@Tag(name = "KPIs", description = "Shared sales and marketing KPIs, projected from journey events")
public class KpiStreamResource {

    /** The name of the events the stream sends. */
    public static final String EVENT = "kpis";

    private final KpiRevisions revisions;
    private final TenantContext tenant;

    public KpiStreamResource(KpiRevisions revisions, TenantContext tenant) {
        this.revisions = revisions;
        this.tenant = tenant;
    }

    /** The data of a {@value #EVENT} event. */
    @Schema(name = "KpiRevision")
    public record Revision(
            @Schema(description = "Changes whenever the tenant's KPIs do; compare for equality only") long revision) {
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "When the KPIs change, live",
            description = "Server-sent events named `kpis` with data {\"revision\": n}: one at once, then one "
                    + "within seconds of each change of the tenant's KPIs, whichever instance counted it. Read the "
                    + "reports again on each. The request must accept text/event-stream.")
    @APIResponse(responseCode = "200", description = "The event stream; it lasts until the client closes it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = Revision.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one that does not verify",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The request does not accept text/event-stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@HeaderParam(HttpHeaders.ACCEPT) String accept, @Context Sse sse) {
        // A client must ask for an event stream by name: one that does not (a generic HTTP client, a tool walking
        // the API description) would otherwise wait for the end of a response that never ends.
        if (accept == null || !accept.contains(MediaType.SERVER_SENT_EVENTS)) {
            throw new NotAcceptableException("This operation answers only requests that accept "
                    + MediaType.SERVER_SENT_EVENTS + ".");
        }
        // read while the request is current: the tenant context is request-scoped, the stream outlives the request
        String tenantId = tenant.tenantId();
        return revisions.changesOf(tenantId).map(revision -> sse.newEventBuilder()
                .name(EVENT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Revision.class, new Revision(revision))
                .build());
    }
}
