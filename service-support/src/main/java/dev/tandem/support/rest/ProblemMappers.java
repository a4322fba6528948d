package dev.tandem.support.rest;

import dev.tandem.support.rebuild.ProjectionRebuild;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tandem.events.FieldError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a Tandem API answers is RFC 9457 problem details; none leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A projection rebuild was asked for while one runs on this instance. */
    @ServerExceptionMapper
    public Response rebuildRunning(ProjectionRebuild.RebuildRunningException e) {
        return Problem.of("rebuild-running", "A rebuild is already running", Response.Status.CONFLICT,
                "Rebuild " + e.runningId() + " is still running; follow it at /v1/admin/rebuilds/" + e.runningId())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return Problem.invalid(e.getMessage(), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pointerOf(mapping.getPath()) : "";
        String detail = e.getOriginalMessage();
        return Problem.invalid("The body is not valid JSON of the expected shape",
                List.of(new FieldError(field, detail == null ? "unreadable" : detail))).toResponse();
    }

    /**
     * A value of the wrong type ({@code "weight": "heavy"}): Quarkus REST has a built-in mapper for exactly this type
     * that answers plain JSON, so it is mapped here by name too.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** No credentials, or credentials that do not verify: 401 with the challenge, never which part failed. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        boolean tokenSent = e instanceof AuthenticationFailedException;
        return Response.fromResponse(Problem.of("unauthenticated", "Unauthorized", Response.Status.UNAUTHORIZED,
                        tokenSent ? "The bearer token is not valid (signature, issuer or expiry)."
                                : "Send a bearer token: Authorization: Bearer <token>.").toResponse())
                .header("WWW-Authenticate", tokenSent ? "Bearer realm=\"tandem\", error=\"invalid_token\""
                        : "Bearer realm=\"tandem\"")
                .build();
    }

    /** Valid credentials without a role the endpoint admits. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN,
                "The credentials do not grant a role this operation admits.").toResponse();
    }

    @ServerExceptionMapper
    public Response noTenant(TenantContext.NoTenantException e) {
        return Problem.of("no-tenant", "Forbidden", Response.Status.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem(java.net.URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage(), null, List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Unhandled error");
        return Problem.of("internal", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was accepted.").toResponse();
    }

    private static String pointerOf(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("/", "/", ""));
    }
}
