package dev.tandem.support.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.events.FieldError;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} names each offending field by JSON Pointer.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tandem.dev/problems/";

    public static Problem of(String slug, String title, Response.Status status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status.getStatusCode(), detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + "invalid-input"), "Invalid input", 400, detail, null,
                List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
