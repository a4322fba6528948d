package dev.tandem.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tandem.model.AccountResolver;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns what a tool sent into touchpoints for the log: validation against the input JSON Schema plus the
 * rules a schema cannot say (no event from the future), then pseudonymisation of the contact.
 */
public final class TouchpointIntake {

    /** How far ahead of the receiving clock an {@code occurredAt} may be (clock skew), no more. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final JsonSchema INPUT_SCHEMA = loadSchema("/schemas/touchpoint-input.v1.json");

    private final ContactKeys contactKeys;
    private final java.util.function.Function<String, AccountResolver> accountResolvers;

    public TouchpointIntake(ContactKeys contactKeys) {
        this(contactKeys, tenant -> AccountResolver.unmapped());
    }

    /** @param accountResolvers each tenant's email-domain → account mapping */
    public TouchpointIntake(ContactKeys contactKeys,
            java.util.function.Function<String, AccountResolver> accountResolvers) {
        this.contactKeys = contactKeys;
        this.accountResolvers = accountResolvers;
    }

    static JsonSchema loadSchema(String resource) {
        try (InputStream in = TouchpointIntake.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build();
            JsonMetaSchema draft202012 = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .format(new RememberedEmails())
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    factory -> factory.metaSchema(draft202012)).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates one touchpoint as sent. {@code pointerPrefix} is prepended to field pointers (e.g. {@code /3}
     * for the fourth item of an array). An empty list means valid.
     */
    public List<FieldError> validate(JsonNode item, String pointerPrefix, Instant now) {
        return validate(item, pointerPrefix, now, null);
    }

    /**
     * As {@link #validate(JsonNode, String, Instant)}, and, for a touchpoint without an account key, checks that
     * the tenant's mapping finds the account from the contact's email domain.
     */
    public List<FieldError> validate(JsonNode item, String pointerPrefix, Instant now, String tenantId) {
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : INPUT_SCHEMA.validate(item)) {
            String location = message.getInstanceLocation().toString();
            // these messages sit at the parent object; the field they name is the property
            if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))
                    && message.getProperty() != null) {
                location = location + "/" + message.getProperty();
            }
            errors.add(new FieldError(pointerPrefix + location, message.getError()));
        }
        if (errors.isEmpty() && !item.hasNonNull("accountKey")) {
            String email = item.path("contact").path("email").asText(null);
            if (email == null) {
                errors.add(new FieldError(pointerPrefix + "/accountKey",
                        "is required unless the contact's email domain names the account"));
            } else if (accountResolvers.apply(tenantId).accountOf(email).isEmpty()) {
                errors.add(new FieldError(pointerPrefix + "/contact/email",
                        "is a personal mailbox, which names no account: send accountKey"));
            }
        }
        if (errors.isEmpty()) {
            String occurredAt = item.path("occurredAt").asText();
            try {
                Instant when = IsoInstants.parse(occurredAt);
                if (when.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                    errors.add(new FieldError(pointerPrefix + "/occurredAt", "lies in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(pointerPrefix + "/occurredAt", "is not an ISO-8601 date-time with offset"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /**
     * The touchpoint for the log; {@code input} must have passed {@link #validate}. Tenant and sending system are
     * the credentials'.
     */
    public TouchpointV1 toTouchpoint(TouchpointInput input, String tenantId, String sourceSystem, Instant receivedAt) {
        TouchpointSource source = TouchpointSource.fromWireName(input.source()).orElseThrow();
        Direction direction = input.direction() == null
                ? TouchpointCatalog.defaultDirectionOf(input.type())
                : Direction.fromWireName(input.direction()).orElseThrow();
        String contactKey = input.contact() == null ? null : contactKeys.keyOf(tenantId, input.contact().email());
        String title = input.contact() == null ? null : input.contact().title();
        String accountKey = input.accountKey() != null ? input.accountKey()
                : accountResolvers.apply(tenantId).accountOf(input.contact().email()).orElseThrow();
        return new TouchpointV1(input.eventId(), tenantId, accountKey, input.type(), source, direction,
                IsoInstants.parse(input.occurredAt()), receivedAt, contactKey, title,
                input.properties(), SourceSystems.requireValid(sourceSystem));
    }

    /** The contact's profile for the compacted contacts topic, or null when the touchpoint names no contact. */
    public ContactProfileV1 toContactProfile(TouchpointInput input, String tenantId, Instant receivedAt) {
        if (input.contact() == null) {
            return null;
        }
        TouchpointInput.Contact c = input.contact();
        return new ContactProfileV1(tenantId, contactKeys.keyOf(tenantId, c.email()), c.email().trim(), c.name(),
                c.title(), receivedAt);
    }
}
