package dev.tandem.support.rebuild;

import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import dev.tandem.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a service's rebuild resource ({@code /v1/admin/rebuilds}) answers, written once: a started rebuild is
 * {@code 202} with its Location, a projection the service does not have is a {@code 400} naming
 * {@code /projection}, an unknown rebuild a {@code 404}; one already running is mapped to {@code 409} by the shared
 * problem mappers.
 */
public final class RebuildRequests {

    public static final String PATH = "/v1/admin/rebuilds";

    /** The body of {@code POST /v1/admin/rebuilds}. */
    public record RebuildRequest(@Schema(required = true, description = "The service's projection: kpi in "
            + "kpi-projector, designer in interaction-designer-api") String projection) {
    }

    private RebuildRequests() {
    }

    public static Response start(ProjectionRebuild rebuild, RebuildRequest request) {
        if (request == null || !rebuild.projection().equals(request.projection())) {
            throw new InvalidInputException("Unknown projection", List.of(new FieldError("/projection",
                    "must be " + rebuild.projection() + " (the projection of this service)")));
        }
        RebuildJob job = rebuild.start();
        return Response.accepted(job).location(URI.create(PATH + "/" + job.id())).build();
    }

    public static Response progress(ProjectionRebuild rebuild, String id) {
        return rebuild.find(id).map(job -> Response.ok(job).build())
                .orElseGet(() -> Problem.of("unknown-rebuild", "Unknown rebuild", Response.Status.NOT_FOUND,
                        "No rebuild " + id + " on this instance").toResponse());
    }
}
