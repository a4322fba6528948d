package dev.tandem.designer.rest;

import dev.tandem.designer.service.UnknownAccountException;
import dev.tandem.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An unknown account, or another tenant's, answers 404 problem details: existence is not disclosed. */
public class UnknownAccountMapper {

    @ServerExceptionMapper
    public Response unknownAccount(UnknownAccountException e) {
        return Problem.of("unknown-account", "Unknown account", Response.Status.NOT_FOUND, e.getMessage())
                .toResponse();
    }
}
