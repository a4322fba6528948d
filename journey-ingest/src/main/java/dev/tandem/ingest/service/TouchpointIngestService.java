package dev.tandem.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Ticker;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointIntake;
import dev.tandem.events.TouchpointV1;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.mapping.IngestFormat;
import dev.tandem.ingest.mapping.MappedItem;
import dev.tandem.ingest.mapping.ParsedRequest;
import dev.tandem.ingest.messaging.TouchpointPublisher;
import dev.tandem.ingest.repository.ContactKeyRepository;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
import dev.tandem.ingest.service.IngestMetrics.Outcome;
import dev.tandem.ingest.service.TouchpointRateLimiter.Decision;
import dev.tandem.ingest.service.TouchpointRateLimiter.Rate;
import dev.tandem.model.AccountResolver;
import dev.tandem.model.ContactKeys;
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
 * Accepts touchpoints item by item: each item of a request is checked on its own (its size, then its content), a
 * valid one accepted recently already is a {@code duplicate}, and only the new valid ones are published, after the
 * tenant's rate limit admitted them. The answer ({@link IngestOutcome}) comes once every published item is on the
 * log ({@code acks=all}). A request as a whole is refused only for what concerns all of it: more items than allowed
 * (413), a single touchpoint over the size limit (413), the rate limit (429), the log not acknowledging (503).
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
    private final RecentEventIds recentIds;
    private final IngestMetrics metrics;
    private final Clock clock;

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
        this.recentIds = new RecentEventIds(config.dedupe().window(), config.dedupe().maxIdsPerTenant(),
                config.dedupe().maxTenants(), Ticker.systemTicker());
        this.metrics = new IngestMetrics(registry, config.metrics().maxSystems());
        this.clock = Clock.systemUTC();
    }

    /**
     * The request's items, sent by {@code sourceSystem} of the tenant (both from the credentials): event ids are
     * the system's, so another system's {@code 1001} is another touchpoint.
     */
    public Uni<IngestOutcome> ingest(String tenantId, String sourceSystem, ParsedRequest request) {
        Instant now = clock.instant();
        IngestFormat format = request.format();
        List<MappedItem> items = request.items();
        int maxItems = maxItemsPerRequest(rateOf(tenantId));
        if (items.size() > maxItems) {
            metrics.rejected(sourceSystem, format, RejectReason.TOO_LARGE, items.size());
            throw new TooLargeException("A request may carry at most " + maxItems + " touchpoints; this one carries "
                    + items.size() + ". Split it; nothing was accepted",
                    List.of(new FieldError("", "holds " + items.size() + " items; at most " + maxItems)));
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<MappedItem> valid = new ArrayList<>(items.size());
        for (MappedItem item : items) {
            ItemResult rejection = check(item, tenantId, now);
            if (rejection == null) {
                valid.add(item);
                continue;
            }
            if (!request.array() && RejectReason.TOO_LARGE.tag().equals(rejection.reason())) {
                // one touchpoint over the limit is a request over it
                metrics.rejected(sourceSystem, format, RejectReason.TOO_LARGE, 1);
                throw new TooLargeException("The touchpoint is larger than " + limits.maxEventBytes()
                        + " bytes; nothing was accepted", rejection.errors());
            }
            results[item.index()] = rejection;
        }
        List<MappedItem> fresh = new ArrayList<>(valid.size());
        List<String> claimed = new ArrayList<>(valid.size());
        for (MappedItem item : valid) {
            String id = sourceSystem + TouchpointV1.SYSTEM_SEPARATOR + item.eventId();
            // a duplicate within this request too: the first occurrence claimed the id
            if (recentIds.claim(tenantId, id)) {
                fresh.add(item);
                claimed.add(id);
            } else {
                results[item.index()] = ItemResult.duplicate(item.index(), item.eventId());
            }
        }
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(answered(sourceSystem, format, results));
        }
        // last, so that only touchpoints that would otherwise be published spend the tenant's tokens
        Decision decision = rateLimiter.tryAcquire(tenantId, fresh.size());
        if (!decision.admitted()) {
            recentIds.release(tenantId, claimed);
            // refused whole: every item of the request is throttled, whatever it would have been
            metrics.count(sourceSystem, format, Outcome.THROTTLED, IngestMetrics.RATE_LIMIT, items.size());
            throw new RateLimitedException(rateLimitDetail(rateOf(tenantId), fresh.size(),
                    decision.retryAfterSeconds()), decision.retryAfterSeconds());
        }
        // deferred: whatever fails, building the records included, gives the claimed ids back
        return Uni.createFrom().deferred(() -> publish(tenantId, sourceSystem, fresh, now))
                .onFailure().invoke(() -> recentIds.release(tenantId, claimed))
                .map(ignored -> {
                    for (MappedItem item : fresh) {
                        results[item.index()] = ItemResult.accepted(item.index(), item.eventId());
                    }
                    return answered(sourceSystem, format, results);
                });
    }

    /** The answer, each item counted by what became of it (only an answer per item counts its items so). */
    private IngestOutcome answered(String system, IngestFormat format, ItemResult[] results) {
        IngestOutcome outcome = IngestOutcome.of(List.of(results));
        metrics.count(system, format, Outcome.ACCEPTED, IngestMetrics.NO_REASON, outcome.accepted());
        metrics.count(system, format, Outcome.DUPLICATE, IngestMetrics.NO_REASON, outcome.duplicates());
        Map<String, Integer> rejections = new HashMap<>();
        for (ItemResult result : results) {
            if (result.status() == ItemResult.Status.REJECTED) {
                rejections.merge(result.reason(), 1, Integer::sum);
            }
        }
        rejections.forEach((reason, count) -> metrics.count(system, format, Outcome.REJECTED, reason, count));
        return outcome;
    }

    /** The item's rejection, or null when it is a valid touchpoint. */
    private ItemResult check(MappedItem item, String tenantId, Instant now) {
        var oversized = limits.oversized(item.sent(), item.pointer());
        if (oversized.isPresent()) {
            return ItemResult.rejected(item.index(), null, RejectReason.TOO_LARGE, List.of(oversized.get()));
        }
        if (!item.errors().isEmpty()) {
            return ItemResult.rejected(item.index(), item.eventId(), RejectReason.CLOUDEVENT, item.errors());
        }
        List<FieldError> intakeErrors = intake.validate(item.touchpoint(), "", now, tenantId);
        List<FieldError> propertyErrors = limits.propertyErrors(item.touchpoint(), "");
        if (intakeErrors.isEmpty() && propertyErrors.isEmpty()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>(intakeErrors.size() + propertyErrors.size());
        intakeErrors.forEach(error -> errors.add(new FieldError(item.locate(error.field()), error.message())));
        propertyErrors.forEach(error -> errors.add(new FieldError(item.locate(error.field()), error.message())));
        errors.sort(Comparator.comparing(FieldError::field));
        return ItemResult.rejected(item.index(), item.eventId(), RejectReason.ofValidation(intakeErrors,
                propertyErrors), errors);
    }

    /** Pseudonymised, sealed and on the log (profiles first, then the touchpoints in request order), or a failure. */
    private Uni<Void> publish(String tenantId, String sourceSystem, List<MappedItem> items, Instant now) {
        List<TouchpointV1> touchpoints = new ArrayList<>(items.size());
        Map<String, ContactProfileV1> profiles = new LinkedHashMap<>();
        for (MappedItem item : items) {
            TouchpointInput input = toInput(item.touchpoint());
            touchpoints.add(intake.toTouchpoint(input, tenantId, sourceSystem, now));
            ContactProfileV1 profile = intake.toContactProfile(input, tenantId, now);
            if (profile != null) {
                profiles.put(profile.contactKey(), profile);
            }
        }
        return sealed(tenantId, profiles, touchpoints)
                .chain(records -> publisher.publish(records.profiles(), records.touchpoints()))
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(PublishFailedException::new);
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
