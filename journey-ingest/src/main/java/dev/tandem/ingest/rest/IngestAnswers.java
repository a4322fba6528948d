package dev.tandem.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.service.HttpAnswer;
import dev.tandem.ingest.service.IdempotencyService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.Response;
import dev.tandem.ingest.service.OffEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.Locale;
import java.util.function.Supplier;

/** What the ingest doors ({@link TouchpointResource}, {@link SegmentResource}) share: reading JSON, writing answers. */
final class IngestAnswers {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private IngestAnswers() {
    }

    /** Malformed JSON fails with Jackson's exception, which the shared mapper answers as 400 naming where. */
    /**
     * Runs a request's work to its end even if the client goes away meanwhile: once items are being published, they
     * are published whole and the answer is stored under the request's Idempotency-Key, so the client's retry gets
     * that answer instead of publishing them again. Without this the framework would cancel the work half-way
     * (items on the log, the key and the claimed event ids given back).
     */
    private static <T> Uni<T> detached(Uni<T> work) {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        work.subscribe().with(done::complete, done::completeExceptionally);
        return Uni.createFrom().completionStage(done);
    }

    /**
     * A request's answer: its work run {@linkplain #detached detached}, and with an Idempotency-Key only once per
     * key (the first answer replayed for the same request, {@link IdempotencyService}).
     *
     * @param requestHash what makes two requests the same one (asked for only when there is a key)
     */
    static Uni<Response> answer(IdempotencyService idempotency, String tenantId, String system, String key,
            Supplier<String> requestHash, Supplier<Uni<HttpAnswer>> process) {
        return detached(key == null ? process.get()
                : idempotency.once(tenantId, system, key, requestHash.get(), process))
                .map(IngestAnswers::toResponse);
    }

    /** The body's JSON, mapped: parsing is CPU work, done off the event loop ({@link OffEventLoop}). */
    static <T> Uni<T> parse(ObjectMapper json, Buffer body, Function<JsonNode, T> mapping) {
        return OffEventLoop.compute(() -> {
            try {
                return mapping.apply(json.readTree(body.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onFailure(UncheckedIOException.class).transform(Throwable::getCause);
    }

    static String write(ObjectMapper json, Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer always serialises", e);
        }
    }

    static Response toResponse(HttpAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(answer.contentType())
                .entity(answer.body());
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** The media type without parameters, lower case ({@code @Consumes} admitted it already). */
    static String mediaTypeOf(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
