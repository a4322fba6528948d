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
import dev.tandem.model.AccountResolver;
import dev.tandem.model.ContactKeys;
import dev.tandem.support.rest.InvalidInputException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts touchpoints: all of a request is validated before anything is published, so a request is either
 * refused whole (400) or every item is on the log when it is answered (202).
 */
@ApplicationScoped
public class TouchpointIngestService {

    private final TouchpointIntake intake;
    private final TouchpointPublisher publisher;
    private final IngestConfig config;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;

    public TouchpointIngestService(TouchpointPublisher publisher, IngestConfig config, MeterRegistry registry) {
        Map<String, AccountResolver> resolvers = new java.util.HashMap<>();
        config.tenants().forEach((tenant, settings) ->
                resolvers.put(tenant, new AccountResolver(settings.accountDomains())));
        this.intake = new TouchpointIntake(new ContactKeys(config.pseudonymSecret()),
                tenant -> resolvers.getOrDefault(tenant, AccountResolver.unmapped()));
        this.publisher = publisher;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.accepted = registry.counter("tandem.ingest.touchpoints", "outcome", "accepted");
        this.rejected = registry.counter("tandem.ingest.touchpoints", "outcome", "rejected");
    }

    /** {@code body} is one touchpoint object or an array of them. */
    public Uni<IngestResult> ingest(String tenantId, JsonNode body) {
        Instant now = clock.instant();
        List<JsonNode> items = itemsOf(body);
        boolean array = body.isArray();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            errors.addAll(intake.validate(items.get(i), array ? "/" + i : "", now, tenantId));
        }
        if (!errors.isEmpty()) {
            rejected.increment(items.size());
            throw new InvalidInputException(errors.size() + " field(s) are invalid; nothing was accepted", errors);
        }
        List<TouchpointV1> touchpoints = new ArrayList<>(items.size());
        Map<String, ContactProfileV1> profiles = new LinkedHashMap<>();
        for (JsonNode item : items) {
            TouchpointInput input = toInput(item);
            touchpoints.add(intake.toTouchpoint(input, tenantId, now));
            ContactProfileV1 profile = intake.toContactProfile(input, tenantId, now);
            if (profile != null) {
                profiles.put(profile.contactKey(), profile);
            }
        }
        return publisher.publish(List.copyOf(profiles.values()), touchpoints)
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(PublishFailedException::new)
                .map(ignored -> {
                    accepted.increment(touchpoints.size());
                    return new IngestResult(touchpoints.size(), touchpoints.stream().map(TouchpointV1::eventId).toList());
                });
    }

    private List<JsonNode> itemsOf(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new InvalidInputException("The body must be a touchpoint object or an array of them",
                    List.of(new FieldError("", "expected an object or an array")));
        }
        if (body.isObject()) {
            return List.of(body);
        }
        if (body.isEmpty() || body.size() > config.maxBatchSize()) {
            throw new InvalidInputException("An array must hold 1 to " + config.maxBatchSize() + " touchpoints",
                    List.of(new FieldError("", "holds " + body.size() + " items")));
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return items;
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
