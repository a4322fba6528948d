package dev.tandem.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.service.TooLargeException;
import dev.tandem.support.rest.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The ingest request body's size limit (touchpoints and Segment calls) ({@code tandem.ingest.max-body-bytes}), answered as 413 problem details
 * before any of the body is parsed, in two places because a body may or may not declare its length:
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is refused by a Vert.x route ahead of Quarkus' own limit
 * (whose 413 has an empty body) and of authentication, without reading the body (a client that waits for
 * {@code 100 Continue} never sends it);</li>
 * <li>a body streamed without a length is counted as it arrives by {@link #read} and refused as soon as it passes
 * the limit.</li>
 * </ul>
 * REST does not read this body itself: a Vert.x body handler ahead of it would break HTTP/2 (REST pauses the request
 * it starts, and an HTTP/2 request that was read to its end refuses to pause).
 */
@ApplicationScoped
public class RequestBodyLimit {

    static final String TOUCHPOINTS_PATH = "/v1/touchpoints";
    /** Every path whose body is read by {@link #read}: touchpoints and Segment's calls. */
    static final List<String> PATHS = List.of(TOUCHPOINTS_PATH, "/v1/track", "/v1/page", "/v1/screen",
            "/v1/identify", "/v1/group", "/v1/batch");

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public RequestBodyLimit(IngestConfig config, ObjectMapper json) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        for (String path : PATHS) {
            router.post(path).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
        }
    }

    /** The whole body, or a {@link TooLargeException} as soon as more than the limit arrived (the rest is dropped). */
    public Uni<Buffer> read(HttpServerRequest request) {
        return Uni.createFrom().emitter(emitter -> {
            if (request.isEnded()) {
                emitter.complete(Buffer.buffer());
                return;
            }
            BodyReading reading = new BodyReading();
            request.handler(chunk -> {
                if (reading.refused) {
                    return;
                }
                if (reading.body.length() + (long) chunk.length() > maxBodyBytes) {
                    reading.refused = true;
                    emitter.fail(tooLarge());
                    return;
                }
                reading.body.appendBuffer(chunk);
            });
            request.exceptionHandler(emitter::fail);
            request.endHandler(ignored -> {
                if (!reading.refused) {
                    emitter.complete(reading.body);
                }
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                request.response().writeContinue();
            }
            request.resume();
        });
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (declaredLength(request) <= maxBodyBytes) {
            context.next();
            return;
        }
        if (!request.isEnded()) {
            // read what the client sends anyway and drop it, so a client that writes its whole body before reading
            // the answer gets this answer rather than a reset connection
            request.handler(ignored -> { });
            request.resume();
        }
        TooLargeException refusal = tooLarge();
        Problem problem = LimitMappers.tooLargeProblem(refusal);
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(serialised(problem));
    }

    private TooLargeException tooLarge() {
        return new TooLargeException("The body is larger than " + maxBodyBytes + " bytes; nothing was accepted. "
                + "Send fewer touchpoints per request.", List.of());
    }

    /** The declared Content-Length, or -1 when there is none (or it is not a number, which HTTP refuses earlier). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String serialised(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }

    /** What one request's body reading holds; its callbacks all run on the request's event loop, one at a time. */
    private static final class BodyReading {
        final Buffer body = Buffer.buffer();
        boolean refused;
    }
}
