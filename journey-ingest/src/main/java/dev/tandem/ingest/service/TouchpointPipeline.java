package dev.tandem.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointIntake;
import dev.tandem.events.TouchpointV1;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.mapping.MappedItem;
import dev.tandem.ingest.messaging.TouchpointPublisher;
import dev.tandem.ingest.repository.ContactKeyRepository;
import dev.tandem.ingest.service.TouchpointRateLimiter.Rate;
import dev.tandem.model.AccountResolver;
import dev.tandem.model.ContactKeys;
import dev.tandem.pii.ContactDataKey;
import dev.tandem.pii.ContactSealing;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps every way in shares (HTTP native and CloudEvents, Segment calls, the raw Kafka topic), so that an item
 * is judged and published the same whichever way it came: its check (size, then the input schema and intake rules,
 * then the property limits), the recent-id memory, the tenant's rate, and publishing (pseudonymised, sealed, profiles
 * acknowledged before the touchpoints that name them).
 */
@ApplicationScoped
public class TouchpointPipeline {

    /** How often idle tenants' rate-limit buckets are looked for and dropped. */
    private static final Duration BUCKET_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final TouchpointIntake intake;
    private final TouchpointPublisher publisher;
    private final PublishedProfiles publishedProfiles;
    private final ContactKeyRepository contactKeys;
    private final IngestConfig config;
    private final TouchpointLimits limits;
    private final Rate defaultRate;
    private final Map<String, Rate> tenantRates;
    private final TouchpointRateLimiter rateLimiter;
    private final RecentEventIds recentIds;
    private final IngestMetrics metrics;
    private final ContactKeys keysOfEmails;
    private final Clock clock;

    public TouchpointPipeline(TouchpointPublisher publisher, ContactKeyRepository contactKeys, IngestConfig config,
            MeterRegistry registry, PublishedProfiles publishedProfiles) {
        this.publishedProfiles = publishedProfiles;
        Map<String, AccountResolver> resolvers = new HashMap<>();
        config.tenants().forEach((tenant, settings) ->
                resolvers.put(tenant, new AccountResolver(settings.accountDomains())));
        this.keysOfEmails = new ContactKeys(config.pseudonymSecret());
        this.intake = new TouchpointIntake(keysOfEmails,
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

    /** A contact a touchpoint names by its key alone (a Segment user identified earlier): no email to key it by. */
    public record KnownContact(String contactKey, String sealedTitle) {
    }

    public Instant now() {
        return clock.instant();
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    public TouchpointLimits limits() {
        return limits;
    }

    /** The contact key of an email, as the touchpoints carry it. */
    public String contactKeyOf(String tenantId, String email) {
        return keysOfEmails.keyOf(tenantId, email);
    }

    /** The item's rejection, or null when it is a valid touchpoint. */
    public ItemResult check(MappedItem item, String tenantId, Instant now) {
        var oversized = limits.oversized(item.sent(), item.pointer());
        if (oversized.isPresent()) {
            return ItemResult.rejected(item.index(), null, RejectReason.TOO_LARGE, List.of(oversized.get()));
        }
        if (!item.errors().isEmpty()) {
            return ItemResult.rejected(item.index(), item.eventId(), RejectReason.ofTag(item.reason()), item.errors());
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

    /** The id the recent-id memory and the log know a touchpoint by: the system's event id. */
    public static String touchpointId(String sourceSystem, String eventId) {
        return sourceSystem + TouchpointV1.SYSTEM_SEPARATOR + eventId;
    }

    /** True when the id was not accepted recently (the caller publishes it); false for a duplicate. */
    public boolean claim(String tenantId, String id) {
        return recentIds.claim(tenantId, id);
    }

    public void release(String tenantId, List<String> ids) {
        recentIds.release(tenantId, ids);
    }

    public TouchpointRateLimiter.Decision tryAcquire(String tenantId, int touchpoints) {
        return rateLimiter.tryAcquire(tenantId, touchpoints);
    }

    public Rate rateOf(String tenantId) {
        return tenantRates.getOrDefault(tenantId, defaultRate);
    }

    /** A request larger than the tenant's burst could never be admitted, so it is refused as too large instead. */
    public int maxItemsPerRequest(String tenantId) {
        return (int) Math.min(config.maxBatchSize(), rateOf(tenantId).burst());
    }

    /**
     * Pseudonymised, sealed and on the log, or a failure ({@link PublishFailedException} on a timeout too). A
     * contact whose profile this instance last published unchanged publishes none ({@link PublishedProfiles}).
     */
    public Uni<Map<String, ContactProfileV1>> publish(String tenantId, String sourceSystem, List<MappedItem> items,
            Instant now) {
        return publish(tenantId, sourceSystem, items, Map.of(), List.of(), now, true);
    }

    /**
     * As {@link #publish(String, String, List, Instant)}, with contacts known by key only ({@code known}, by item
     * index, for items whose touchpoint names no contact) and profiles of their own ({@code extraProfiles}, a Segment
     * identify's). Answers the sealed profiles published, by contact key.
     */
    public Uni<Map<String, ContactProfileV1>> publish(String tenantId, String sourceSystem, List<MappedItem> items,
            Map<Integer, KnownContact> known, List<ContactProfileV1> extraProfiles, Instant now) {
        return publish(tenantId, sourceSystem, items, known, extraProfiles, now, false);
    }

    private Uni<Map<String, ContactProfileV1>> publish(String tenantId, String sourceSystem, List<MappedItem> items,
            Map<Integer, KnownContact> known, List<ContactProfileV1> extraProfiles, Instant now,
            boolean skipUnchangedProfiles) {
        return OffEventLoop.compute(() -> unsealed(tenantId, sourceSystem, items, known, extraProfiles, now,
                        skipUnchangedProfiles))
                .chain(unsealed -> sealed(tenantId, unsealed))
                .chain(sealed -> publisher.send(sealed.records())
                        .invoke(() -> publishedProfiles.published(sealed.plainProfiles()))
                        .map(ignored -> byContactKey(sealed.profiles())))
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(PublishFailedException::new);
    }

    /** What a request publishes before sealing: its touchpoints, their known contacts, the profiles to publish. */
    private record Unsealed(List<TouchpointV1> touchpoints, List<KnownContact> knownOfEach,
            Map<String, ContactProfileV1> profiles) {
    }

    private Unsealed unsealed(String tenantId, String sourceSystem, List<MappedItem> items,
            Map<Integer, KnownContact> known, List<ContactProfileV1> extraProfiles, Instant now,
            boolean skipUnchangedProfiles) {
        List<TouchpointV1> touchpoints = new ArrayList<>(items.size());
        List<KnownContact> knownOfEach = new ArrayList<>(items.size());
        Map<String, ContactProfileV1> profiles = new LinkedHashMap<>();
        extraProfiles.forEach(profile -> profiles.put(profile.contactKey(), profile));
        for (MappedItem item : items) {
            TouchpointInput input = toInput(item.touchpoint());
            touchpoints.add(intake.toTouchpoint(input, tenantId, sourceSystem, now));
            knownOfEach.add(input.contact() == null ? known.get(item.index()) : null);
            ContactProfileV1 profile = intake.toContactProfile(input, tenantId, now);
            if (profile != null && !(skipUnchangedProfiles && publishedProfiles.unchanged(profile))) {
                profiles.put(profile.contactKey(), profile);
            }
        }
        return new Unsealed(touchpoints, knownOfEach, profiles);
    }

    private static Map<String, ContactProfileV1> byContactKey(List<ContactProfileV1> profiles) {
        Map<String, ContactProfileV1> byKey = new HashMap<>();
        profiles.forEach(profile -> byKey.put(profile.contactKey(), profile));
        return byKey;
    }

    /** Known contacts come after sealing: their title is sealed already, and their key needs no data key now. */
    private static List<TouchpointV1> withKnownContacts(List<TouchpointV1> touchpoints, List<KnownContact> known) {
        List<TouchpointV1> result = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            TouchpointV1 t = touchpoints.get(i);
            KnownContact contact = known.get(i);
            result.add(contact == null ? t : new TouchpointV1(t.eventId(), t.tenantId(), t.accountKey(), t.type(),
                    t.source(), t.direction(), t.occurredAt(), t.receivedAt(), contact.contactKey(),
                    contact.sealedTitle(), t.properties(), t.sourceSystem()));
        }
        return result;
    }

    /** The sealed profiles and their records, ready to send; the plain profiles are remembered once sent. */
    private record Sealed(List<ContactProfileV1> profiles, List<ContactProfileV1> plainProfiles,
            TouchpointPublisher.OutgoingRecords records) {
    }

    /**
     * Email, name and title sealed under each contact's data key (the log never holds them in plaintext), and the
     * records built, off the event loop once the keys are known.
     */
    private Uni<Sealed> sealed(String tenantId, Unsealed unsealed) {
        Set<String> contacts = new LinkedHashSet<>(unsealed.profiles().keySet());
        unsealed.touchpoints().stream().map(TouchpointV1::contactKey).filter(Objects::nonNull)
                .forEach(contacts::add);
        Uni<Map<String, ContactDataKey>> keys = contacts.isEmpty() ? Uni.createFrom().item(Map.of())
                : contactKeys.keysFor(tenantId, contacts);
        return keys.chain(byContact -> OffEventLoop.compute(() -> sealedWith(byContact, unsealed)));
    }

    private static Sealed sealedWith(Map<String, ContactDataKey> keys, Unsealed unsealed) {
        List<ContactProfileV1> sealedProfiles = unsealed.profiles().values().stream()
                .map(profile -> ContactSealing.seal(profile, keys.get(profile.contactKey()))).toList();
        List<TouchpointV1> sealedTouchpoints = new ArrayList<>(unsealed.touchpoints().size());
        for (TouchpointV1 touchpoint : unsealed.touchpoints()) {
            ContactDataKey key = touchpoint.contactKey() == null ? null : keys.get(touchpoint.contactKey());
            sealedTouchpoints.add(key == null ? touchpoint : ContactSealing.sealTitle(touchpoint, key));
        }
        List<TouchpointV1> published = withKnownContacts(sealedTouchpoints, unsealed.knownOfEach());
        return new Sealed(sealedProfiles, List.copyOf(unsealed.profiles().values()),
                TouchpointPublisher.records(sealedProfiles, published));
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
