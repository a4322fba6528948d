package dev.tandem.ingest.rest;

import dev.tandem.ingest.service.PublishFailedException;
import dev.tandem.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class PublishFailedMapper {

    private static final Logger LOG = Logger.getLogger(PublishFailedMapper.class);

    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        LOG.warnf("Touchpoints not acknowledged: %s", String.valueOf(e.getCause()));
        return Response.fromResponse(Problem.of("log-unavailable", "Touchpoint log unavailable",
                        Response.Status.SERVICE_UNAVAILABLE,
                        "Not every touchpoint was acknowledged. Retry the request: resent eventIds are applied once.")
                        .toResponse())
                .header("Retry-After", "5")
                .build();
    }
}
