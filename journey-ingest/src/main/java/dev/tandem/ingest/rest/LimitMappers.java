package dev.tandem.ingest.rest;

import dev.tandem.ingest.service.RateLimitedException;
import dev.tandem.ingest.service.TooLargeException;
import dev.tandem.support.rest.Problem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The ingest limits as problem details: 413 too large, 415 not a media type taken, 429 over the tenant's rate. */
public class LimitMappers {

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return tooLargeProblem(e).toResponse();
    }

    /** Also written by {@link RequestBodyLimit}'s route, which answers before REST is involved. */
    static Problem tooLargeProblem(TooLargeException e) {
        Problem base = Problem.of("too-large", "Content too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                e.getMessage());
        return new Problem(base.type(), base.title(), base.status(), base.detail(), null, e.errors());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        Problem problem = Problem.of("rate-limited", "Too many touchpoints", Response.Status.TOO_MANY_REQUESTS,
                e.getMessage());
        return Response.fromResponse(problem.toResponse())
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    /** Without this the generic mapper would answer 415 with a type of about:blank and no hint what to send. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.of("unsupported-media-type", "Unsupported media type", Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Send touchpoints as Content-Type: application/json (native touchpoints, or a binary-mode "
                        + "CloudEvent with ce-* headers), application/cloudevents+json or "
                        + "application/cloudevents-batch+json; Segment calls as application/json.").toResponse();
    }
}
