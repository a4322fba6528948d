package dev.tandem.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointIntake;
import dev.tandem.events.TouchpointV1;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.messaging.TouchpointPublisher;
import dev.tandem.ingest.repository.ContactKeyRepository;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
import dev.tandem.ingest.service.TouchpointRateLimiter.Decision;
import dev.tandem.ingest.service.TouchpointRateLimiter.Rate;
import dev.tandem.model.AccountResolver;
import dev.tandem.model.ContactKeys;
import dev.tandem.support.rest.InvalidInputException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts touchpoints: all of a request is checked (sizes, then each item's content, then the tenant's rate limit)
 * before anything is published, so a request is either refused whole (400, 413, 429) or every item is on the log
 * when it is answered (202).
 */
@ApplicationScoped
public class TouchpointIngestService {

    /** How often idle tenants' rate-limit buckets are looked for and dropped. */
    private static final Duration BUCKET_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final TouchpointIntake intake;
    private final TouchpointPublisher publisher;
    private final ContactKeyRepository contactKeys;
    private final IngestConfig config;
    private final TouchpointLimits limits;
    private final Rate defaultRate;
    private final Map<String, Rate> tenantRates;
    private final TouchpointRateLimiter rateLimiter;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter throttled;

    public TouchpointIngestService(TouchpointPublisher publisher, ContactKeyRepository contactKeys, IngestConfig config,
            MeterRegistry registry) {
        Map<String, AccountResolver> resolvers = new HashMap<>();
        config.tenants().forEach((tenant, settings) ->
                resolvers.put(tenant, new AccountResolver(settings.accountDomains())));
        this.intake = new TouchpointIntake(new ContactKeys(config.pseudonymSecret()),
                tenant -> resolvers.getOrDefault(tenant, AccountResolver.unmapped()));
        this.publisher = publisher;
        this.contactKeys = contactKeys;
        this.config = config;
        this.limits = new TouchpointLimits(config.maxEventBytes());
        // every rate is built here, so a misconfigured one stops the service at start, not a request later
        this.defaultRate = new Rate(config.rateLimit().touchpointsPerSecond(), config.rateLimit().burst());
        Map<String, Rate> rates = new HashMap<>();
        config.tenants().forEach((tenant, settings) -> rates.put(tenant, new Rate(
                settings.rateLimit().touchpointsPerSecond().orElse(defaultRate.touchpointsPerSecond()),
                settings.rateLimit().burst().orElse(defaultRate.burst()))));
        this.tenantRates = Map.copyOf(rates);
        this.rateLimiter = new TouchpointRateLimiter(this::rateOf, System::nanoTime, BUCKET_SWEEP_INTERVAL);
        this.clock = Clock.systemUTC();
        this.accepted = registry.counter("tandem.ingest.touchpoints", "outcome", "accepted");
        this.rejected = registry.counter("tandem.ingest.touchpoints", "outcome", "rejected");
        this.throttled = registry.counter("tandem.ingest.touchpoints", "outcome", "throttled");
    }

    /**
     * {@code body} is one touchpoint object or an array of them, sent by {@code sourceSystem} of the tenant (both
     * from the credentials): event ids are the system's, so another system's {@code 1001} is another touchpoint.
     */
    public Uni<IngestResult> ingest(String tenantId, String sourceSystem, JsonNode body) {
        Instant now = clock.instant();
        Rate rate = rateOf(tenantId);
        List<JsonNode> items = itemsOf(body, maxItemsPerRequest(rate));
        boolean array = body.isArray();
        List<FieldError> oversized = limits.oversizedItems(items, array);
        if (!oversized.isEmpty()) {
            rejected.increment(items.size());
            throw new TooLargeException(oversized.size() + " touchpoint(s) are larger than " + limits.maxEventBytes()
                    + " bytes; nothing was accepted", oversized);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String pointer = array ? "/" + i : "";
            List<FieldError> itemErrors = new ArrayList<>(intake.validate(items.get(i), pointer, now, tenantId));
            itemErrors.addAll(limits.propertyErrors(items.get(i), pointer));
            itemErrors.sort(Comparator.comparing(FieldError::field));
            errors.addAll(itemErrors);
        }
        if (!errors.isEmpty()) {
            rejected.increment(items.size());
            throw new InvalidInputException(errors.size() + " field(s) are invalid; nothing was accepted", errors);
        }
        // last, so that only a request that would otherwise be accepted spends the tenant's tokens
        Decision decision = rateLimiter.tryAcquire(tenantId, items.size());
        if (!decision.admitted()) {
            throttled.increment(items.size());
            throw new RateLimitedException(rateLimitDetail(rate, items.size(), decision.retryAfterSeconds()),
                    decision.retryAfterSeconds());
        }
        List<TouchpointV1> touchpoints = new ArrayList<>(items.size());
        Map<String, ContactProfileV1> profiles = new LinkedHashMap<>();
        for (JsonNode item : items) {
            TouchpointInput input = toInput(item);
            touchpoints.add(intake.toTouchpoint(input, tenantId, sourceSystem, now));
            ContactProfileV1 profile = intake.toContactProfile(input, tenantId, now);
            if (profile != null) {
                profiles.put(profile.contactKey(), profile);
            }
        }
        return sealed(tenantId, profiles, touchpoints)
                .chain(records -> publisher.publish(records.profiles(), records.touchpoints()))
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(PublishFailedException::new)
                .map(ignored -> {
                    accepted.increment(touchpoints.size());
                    return new IngestResult(touchpoints.size(), touchpoints.stream().map(TouchpointV1::eventId).toList());
                });
    }

    private record Sealed(List<ContactProfileV1> profiles, List<TouchpointV1> touchpoints) {
    }

    /** Email, name and title sealed under each contact's data key: the log never holds them in plaintext. */
    private Uni<Sealed> sealed(String tenantId, Map<String, ContactProfileV1> profiles,
            List<TouchpointV1> touchpoints) {
        List<String> contacts = touchpoints.stream().map(TouchpointV1::contactKey)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(new Sealed(List.of(), touchpoints));
        }
        return contactKeys.keysFor(tenantId, contacts).map(keys -> {
            List<ContactProfileV1> sealedProfiles = profiles.values().stream()
                    .map(profile -> ContactSealing.seal(profile, keys.get(profile.contactKey()))).toList();
            List<TouchpointV1> sealedTouchpoints = touchpoints.stream()
                    .map(touchpoint -> {
                        ContactDataKey key = touchpoint.contactKey() == null ? null
                                : keys.get(touchpoint.contactKey());
                        return key == null ? touchpoint : ContactSealing.sealTitle(touchpoint, key);
                    })
                    .toList();
            return new Sealed(sealedProfiles, sealedTouchpoints);
        });
    }

    private List<JsonNode> itemsOf(JsonNode body, int maxItems) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new InvalidInputException("The body must be a touchpoint object or an array of them",
                    List.of(new FieldError("", "expected an object or an array")));
        }
        if (body.isObject()) {
            return List.of(body);
        }
        if (body.isEmpty()) {
            throw new InvalidInputException("An array must hold 1 to " + maxItems + " touchpoints",
                    List.of(new FieldError("", "holds no items")));
        }
        if (body.size() > maxItems) {
            throw new TooLargeException("A request may carry at most " + maxItems + " touchpoints; this one carries "
                    + body.size() + ". Split it; nothing was accepted",
                    List.of(new FieldError("", "holds " + body.size() + " items; at most " + maxItems)));
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return items;
    }

    private Rate rateOf(String tenantId) {
        return tenantRates.getOrDefault(tenantId, defaultRate);
    }

    /** A request larger than the tenant's burst could never be admitted, so it is refused as too large instead. */
    private int maxItemsPerRequest(Rate rate) {
        return (int) Math.min(config.maxBatchSize(), rate.burst());
    }

    private static String rateLimitDetail(Rate rate, int touchpoints, long retryAfterSeconds) {
        double perSecond = rate.touchpointsPerSecond();
        String shownRate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.valueOf(perSecond);
        return "This tenant may send " + shownRate + " touchpoints per second, in bursts of up to " + rate.burst()
                + ". Nothing was accepted; the " + touchpoints + " touchpoint(s) of this request fit in "
                + retryAfterSeconds + " s if nothing else is sent meanwhile.";
    }

    private static TouchpointInput toInput(JsonNode item) {
        try {
            return EventJson.mapper().treeToValue(item, TouchpointInput.class);
        } catch (JsonProcessingException e) {
            // the schema admitted it, so this is our bug, not the caller's
            throw new IllegalStateException("validated touchpoint could not be mapped", e);
        }
    }
}
