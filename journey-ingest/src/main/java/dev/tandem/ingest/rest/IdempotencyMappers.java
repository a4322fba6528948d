package dev.tandem.ingest.rest;

import dev.tandem.ingest.service.IdempotencyKeyException;
import dev.tandem.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An Idempotency-Key that cannot be honoured: 422 reused with another request, 409 in flight, 503 its store away
 * (both: retry).
 */
public class IdempotencyMappers {

    private static final Logger LOG = Logger.getLogger(IdempotencyMappers.class);

    static final String PROBLEM_BASE = "https://tandem.dev/problems/";

    @ServerExceptionMapper
    public Response conflict(IdempotencyKeyException e) {
        return switch (e.kind()) {
            case REUSED -> new Problem(URI.create(PROBLEM_BASE + "idempotency-key-reused"), "Idempotency-Key reused",
                    422, e.getMessage(), null, List.of()).toResponse();
            case IN_FLIGHT -> Response.fromResponse(new Problem(URI.create(PROBLEM_BASE
                            + "idempotency-key-in-flight"), "Idempotency-Key in flight", 409, e.getMessage(), null,
                            List.of()).toResponse())
                    .header("Retry-After", "1")
                    .build();
            case UNAVAILABLE -> {
                LOG.warnf("Idempotency-Key store unavailable: %s", String.valueOf(e.getCause()));
                yield Response.fromResponse(Problem.of("idempotency-unavailable", "Idempotency-Key store "
                                + "unavailable", Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse())
                        .header("Retry-After", "5")
                        .build();
            }
        };
    }
}
