package dev.tandem.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Segment-spec calls (the HTTP tracking API's {@code track}, {@code page}, {@code screen}, {@code identify},
 * {@code group} and {@code batch}) to items. A {@code track}, {@code page} or {@code screen} becomes a native touchpoint: {@code messageId} → eventId,
 * {@code timestamp} (else {@code originalTimestamp}, else {@code sentAt}, else the time received) → occurredAt, the
 * event name → type ({@link SegmentRules}), {@code properties} → properties ({@code context.campaign.name} as
 * {@code campaign}), {@code properties.source} → source, {@code context.groupId} or {@code properties.accountKey} →
 * accountKey, {@code context.traits} email/name/title → contact. An {@code identify} or {@code group} is an item of
 * its own whose touchpoint is only there to be validated like one (its contact, its account key): it is never
 * published as a touchpoint. Every field of the touchpoint is traced back to where it was sent, so errors name the
 * body's fields ({@code /batch/3/event}, {@code /traits/email}).
 */
public final class SegmentMapper {

    /** The calls Tandem takes. */
    public enum Call {
        TRACK, PAGE, SCREEN, IDENTIFY, GROUP;

        static Call of(String name) {
            for (Call call : values()) {
                if (call.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return call;
                }
            }
            return null;
        }
    }

    /** Placeholders that let identify and group be validated by the touchpoint rules; never published. */
    static final String IDENTIFY_TYPE = "contact.identified";
    static final String GROUP_TYPE = "account.grouped";
    static final String NO_ACCOUNT = "segment-identify";
    static final String SEGMENT_REASON = "segment";
    static final String UNMAPPED_REASON = "unmapped-event";

    /**
     * One message of a request.
     *
     * @param call        what it is (null when it is none Tandem takes: then {@code item} holds the error)
     * @param item        the touchpoint (to publish for track, page and screen, to validate for identify and group)
     * @param userId      the message's userId as text, or null
     * @param anonymousId the message's anonymousId as text, or null
     * @param ownContact  true when the message names its contact itself (traits with an email)
     * @param ownAccount  true when it names its account itself
     */
    public record Message(Call call, MappedItem item, String userId, String anonymousId, boolean ownContact,
            boolean ownAccount) {

        /** Where the message's user is named, for a field filled from what is known of the user. */
        public String userPointer() {
            return item.pointer() + (userId != null ? "/userId" : "/anonymousId");
        }
    }

    private SegmentMapper() {
    }

    /**
     * @param path       the call of the path: {@code track}, {@code page}, {@code screen}, {@code identify}, {@code group} or
     *                   {@code batch}
     * @param receivedAt the occurredAt of a message that names no time, ISO-8601
     * @throws InvalidInputException for a body of the wrong shape (not an object; a batch without items)
     */
    public static List<Message> parse(String path, JsonNode body, SegmentRules rules, String receivedAt) {
        if (body == null || !body.isObject()) {
            throw refused("A Segment call is a JSON object", "", "expected an object");
        }
        if (!"batch".equals(path)) {
            return List.of(message(0, "", body, Call.of(path), rules, receivedAt, null));
        }
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            throw refused("A Segment batch is {\"batch\":[…]} with 1 or more messages", "/batch",
                    batch == null ? "is required" : batch.isArray() ? "holds no messages" : "must be an array");
        }
        JsonNode sentAt = body.get("sentAt");
        List<Message> messages = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode message = batch.get(i);
            String pointer = "/batch/" + i;
            Call call = message.isObject() && message.path("type").isTextual()
                    ? Call.of(message.get("type").textValue()) : null;
            if (message.isObject() && call == null) {
                messages.add(failed(i, pointer, message, new FieldError(pointer + "/type",
                        "must be one of track, page, screen, identify, group")));
                continue;
            }
            messages.add(message(i, pointer, message, call, rules, receivedAt,
                    sentAt != null && sentAt.isTextual() ? sentAt : null));
        }
        return messages;
    }

    private static Message message(int index, String pointer, JsonNode message, Call call, SegmentRules rules,
            String receivedAt, JsonNode batchSentAt) {
        if (!message.isObject()) {
            return failed(index, pointer, message, new FieldError(pointer, "is not a Segment message (an object)"));
        }
        List<FieldError> errors = new ArrayList<>();
        String userId = idOf(message, "userId", pointer, errors);
        String anonymousId = idOf(message, "anonymousId", pointer, errors);
        JsonNode messageId = message.get("messageId");
        if (messageId == null || !messageId.isTextual() || messageId.textValue().isEmpty()) {
            errors.add(new FieldError(pointer + "/messageId", "is required: a non-empty string"));
        }
        if ((call == Call.IDENTIFY || call == Call.GROUP) && userId == null && anonymousId == null) {
            errors.add(new FieldError(pointer + "/userId", "is required (or anonymousId): " + call.name()
                    .toLowerCase(Locale.ROOT) + " names a user"));
        }
        if (!errors.isEmpty()) {
            return new Message(call, new MappedItem(index, message, null, errors, pointer, pointer, Map.of(),
                    SEGMENT_REASON), userId, anonymousId, false, false);
        }
        ObjectNode touchpoint = JsonNodeFactory.instance.objectNode();
        Map<String, String> origins = new HashMap<>();
        touchpoint.set("eventId", messageId);
        origins.put("eventId", pointer + "/messageId");
        occurredAt(message, pointer, touchpoint, origins, receivedAt, batchSentAt);
        JsonNode properties = message.get("properties");
        boolean ownContact;
        boolean ownAccount;
        switch (call) {
            case IDENTIFY -> {
                touchpoint.put("type", IDENTIFY_TYPE);
                touchpoint.put("source", rules.source());
                touchpoint.put("accountKey", NO_ACCOUNT);
                JsonNode traits = message.path("traits");
                if (!traits.path("email").isTextual()) {
                    errors.add(new FieldError(pointer + "/traits/email",
                            "is required: Tandem knows a contact by email"));
                } else {
                    contact(traits, pointer + "/traits", touchpoint, origins);
                }
                ownContact = true;
                ownAccount = true;
            }
            case GROUP -> {
                touchpoint.put("type", GROUP_TYPE);
                touchpoint.put("source", rules.source());
                JsonNode groupId = message.get("groupId");
                if (groupId == null || !(groupId.isTextual() || groupId.isIntegralNumber())) {
                    errors.add(new FieldError(pointer + "/groupId", "is required: the account's key"));
                } else {
                    touchpoint.put("accountKey", groupId.asText());
                    origins.put("accountKey", pointer + "/groupId");
                }
                ownContact = true;
                ownAccount = true;
            }
            default -> {
                if (call == Call.TRACK) {
                    JsonNode event = message.get("event");
                    if (event == null || !event.isTextual() || event.textValue().isBlank()) {
                        errors.add(new FieldError(pointer + "/event", "is required: the event's name"));
                    } else {
                        var type = rules.typeOf(event.textValue());
                        if (type.isEmpty()) {
                            return new Message(call, new MappedItem(index, message, null, List.of(new FieldError(
                                    pointer + "/event", "maps to no touchpoint type (dotted lower-case names): "
                                            + "map it in tandem.ingest.segment.tenants.<tenant>.systems.<system>"
                                            + ".events")), pointer, pointer, Map.of(), UNMAPPED_REASON),
                                    userId, anonymousId, false, false);
                        }
                        touchpoint.put("type", type.get());
                        origins.put("type", pointer + "/event");
                    }
                } else {
                    touchpoint.put("type", call == Call.SCREEN ? rules.screenType() : rules.pageType());
                }
                if (properties != null && properties.isObject()) {
                    properties = properties.deepCopy();
                    JsonNode name = message.get("name");
                    if (call != Call.TRACK && name != null && name.isTextual() && !properties.has("name")) {
                        ((ObjectNode) properties).set("name", name);
                    }
                }
                JsonNode campaign = message.path("context").path("campaign").path("name");
                if (campaign.isTextual() && (properties == null || properties.isObject())
                        && !(properties != null && properties.has("campaign"))) {
                    properties = properties == null ? JsonNodeFactory.instance.objectNode() : properties;
                    ((ObjectNode) properties).set("campaign", campaign);
                }
                if (properties != null) {
                    touchpoint.set("properties", properties);
                }
                JsonNode source = properties == null ? null : properties.get("source");
                if (source != null) {
                    touchpoint.set("source", source);
                    origins.put("source", pointer + "/properties/source");
                } else {
                    touchpoint.put("source", rules.source());
                }
                ownAccount = account(message, properties, pointer, touchpoint, origins);
                JsonNode traits = message.path("context").path("traits");
                ownContact = traits.has("email");
                if (ownContact) {
                    contact(traits, pointer + "/context/traits", touchpoint, origins);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Message(call, new MappedItem(index, message, null, errors, pointer, pointer, Map.of(),
                    SEGMENT_REASON), userId, anonymousId, false, false);
        }
        return new Message(call, new MappedItem(index, message, touchpoint, List.of(), pointer, pointer, origins,
                SEGMENT_REASON), userId, anonymousId, ownContact, ownAccount);
    }

    private static void occurredAt(JsonNode message, String pointer, ObjectNode touchpoint,
            Map<String, String> origins, String receivedAt, JsonNode batchSentAt) {
        for (String field : List.of("timestamp", "originalTimestamp", "sentAt")) {
            JsonNode time = message.get(field);
            if (time != null && !time.isNull()) {
                touchpoint.set("occurredAt", time);
                origins.put("occurredAt", pointer + "/" + field);
                return;
            }
        }
        if (batchSentAt != null) {
            touchpoint.set("occurredAt", batchSentAt);
            origins.put("occurredAt", "/sentAt");
            return;
        }
        touchpoint.put("occurredAt", receivedAt);
    }

    /** The account the message names itself: {@code context.groupId}, else {@code properties.accountKey}. */
    private static boolean account(JsonNode message, JsonNode properties, String pointer, ObjectNode touchpoint,
            Map<String, String> origins) {
        JsonNode groupId = message.path("context").get("groupId");
        if (groupId != null && !groupId.isNull()) {
            touchpoint.set("accountKey", groupId);
            origins.put("accountKey", pointer + "/context/groupId");
            return true;
        }
        JsonNode accountKey = properties == null ? null : properties.get("accountKey");
        if (accountKey != null && !accountKey.isNull()) {
            touchpoint.set("accountKey", accountKey);
            origins.put("accountKey", pointer + "/properties/accountKey");
            return true;
        }
        return false;
    }

    /** The contact of traits (email, name, title), each traced to its trait. */
    private static void contact(JsonNode traits, String where, ObjectNode touchpoint, Map<String, String> origins) {
        ObjectNode contact = touchpoint.putObject("contact");
        origins.put("contact", where);
        for (String field : List.of("email", "name", "title")) {
            JsonNode value = traits.get(field);
            if (value != null && !value.isNull()) {
                contact.set(field, value);
                origins.put("/contact/" + field, where + "/" + field);
            }
        }
    }

    /** A userId or anonymousId as text (Segment allows numbers); a wrong type is an error. */
    private static String idOf(JsonNode message, String field, String pointer, List<FieldError> errors) {
        JsonNode id = message.get(field);
        if (id == null || id.isNull()) {
            return null;
        }
        if ((id.isTextual() && !id.textValue().isEmpty() && id.textValue().length() <= 256) || id.isIntegralNumber()) {
            return id.asText();
        }
        errors.add(new FieldError(pointer + "/" + field, "must be a non-empty string of at most 256 characters"));
        return null;
    }

    private static Message failed(int index, String pointer, JsonNode message, FieldError error) {
        return new Message(null, new MappedItem(index, message, null, List.of(error), pointer, pointer, Map.of(),
                SEGMENT_REASON), null, null, false, false);
    }

    private static InvalidInputException refused(String detail, String field, String message) {
        return new InvalidInputException(detail, List.of(new FieldError(field, message)));
    }
}
