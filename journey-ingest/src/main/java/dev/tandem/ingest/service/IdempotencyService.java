package dev.tandem.ingest.service;

import dev.tandem.events.FieldError;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.repository.IdempotencyKeyEntity;
import dev.tandem.ingest.repository.IdempotencyKeyRepository;
import dev.tandem.support.rest.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} (per tenant and sending system, in PostgreSQL so it holds across restarts and instances):
 * the first request with a key claims it, is processed and its answer stored; the same request again within
 * {@code tandem.ingest.idempotency.window} gets that answer again without anything being processed or published;
 * another request with the key is refused (422); one that comes while the first is in flight is refused (409).
 * Only final answers are stored (202, and 400 when every item was rejected): a request that failed otherwise (429,
 * 503, a malformed body) gives the key up, so its retry is processed.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);
    /** What the key may be (draft-ietf-httpapi-idempotency-key-header: an sf-string, so visible ASCII). */
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeyRepository keys;
    private final IngestConfig config;
    private final Clock clock;

    public IdempotencyService(IdempotencyKeyRepository keys, IngestConfig config) {
        this.keys = keys;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * The answer to a request with {@code rawKey}: {@code process}'s, or the stored one of the first request with the
     * key. {@code requestSha256} identifies the request ({@link #requestHash}).
     */
    public Uni<HttpAnswer> once(String tenantId, String system, String rawKey, String requestSha256,
            Supplier<Uni<HttpAnswer>> process) {
        String key = normalisedKey(rawKey);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> keys.claim(tenantId, system, key, requestSha256, now,
                        now.plus(config.idempotency().window()), now.minus(config.idempotency().inFlightTimeout())))
                .chain(claimed -> claimed
                        ? Uni.createFrom().item((HttpAnswer) null)
                        : Panache.withSession(() -> keys.findKey(tenantId, system, key))
                                .map(row -> stored(row, requestSha256)))
                .onFailure(e -> !(e instanceof IdempotencyKeyException)).transform(e ->
                        new IdempotencyKeyException(IdempotencyKeyException.Kind.UNAVAILABLE,
                                "The Idempotency-Key could not be checked; nothing was accepted. Retry.", e))
                // null: this request holds the key
                .chain(stored -> stored != null ? Uni.createFrom().item(stored)
                        : processClaimed(tenantId, system, key, requestSha256, process));
    }

    private Uni<HttpAnswer> processClaimed(String tenantId, String system, String key, String requestSha256,
            Supplier<Uni<HttpAnswer>> process) {
        return Uni.createFrom().<HttpAnswer>deferred(process::get)
                .call(answer -> Panache.withTransaction(() -> keys.answer(tenantId, system, key, requestSha256,
                                answer.status(), answer.contentType(), answer.body()))
                        // the answer stands (its touchpoints are on the log); a retry after the in-flight timeout
                        // is processed again and its resent ids are duplicates
                        .onFailure().invoke(e -> LOG.warnf("Answer to Idempotency-Key of tenant %s not stored: %s",
                                tenantId, e.toString()))
                        .onFailure().recoverWithNull())
                .onFailure().call(() -> Panache.withTransaction(() -> keys.release(tenantId, system, key,
                                requestSha256))
                        .onFailure().invoke(e -> LOG.warnf("Idempotency-Key of tenant %s not released: %s",
                                tenantId, e.toString()))
                        .onFailure().recoverWithNull());
    }

    private static HttpAnswer stored(IdempotencyKeyEntity row, String requestSha256) {
        if (row == null) {
            // claimed by another request and given up again just now: that one is (or was) in flight
            throw new IdempotencyKeyException(IdempotencyKeyException.Kind.IN_FLIGHT,
                    "A request with this Idempotency-Key was in flight; retry.");
        }
        if (!row.requestSha256.equals(requestSha256)) {
            throw new IdempotencyKeyException(IdempotencyKeyException.Kind.REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
        }
        if (row.status == null) {
            throw new IdempotencyKeyException(IdempotencyKeyException.Kind.IN_FLIGHT,
                    "A request with this Idempotency-Key is in flight; retry once it is answered.");
        }
        return new HttpAnswer(row.status, row.contentType, row.answer, true);
    }

    // off the event loop, one at a time: the delete runs in the database, not here
    @Scheduled(every = "${tandem.ingest.idempotency.cleanup-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledCleanup() {
        return deleteExpired()
                .onFailure().invoke(e -> LOG.warnf("Expired Idempotency-Keys not deleted (%s); retried in %s",
                        e.toString(), config.idempotency().cleanupInterval()))
                .onFailure().recoverWithItem(0L)
                .replaceWithVoid();
    }

    /** Deletes the keys whose window has passed; answers how many. */
    public Uni<Long> deleteExpired() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> keys.deleteExpired(now));
    }

    /** The key without the quotes of its structured-field form; a 400 when it is empty, too long or not ASCII. */
    static String normalisedKey(String raw) {
        String key = raw.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        boolean visibleAscii = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw new InvalidInputException("The Idempotency-Key header is not a usable key", List.of(new FieldError(
                    "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters")));
        }
        return key;
    }

    /**
     * What makes two requests the same: the media type (without parameters), the {@code ce-*} headers of binary
     * mode, and the body's bytes.
     */
    public static String requestHash(String mediaType, Map<String, String> ceHeaders, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(mediaType.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            new TreeMap<>(ceHeaders).forEach((name, value) -> {
                sha256.update((name + ": " + value).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            });
            sha256.update((byte) '\n');
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
