package dev.tandem.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.FieldError;
import java.util.List;
import java.util.Map;

/**
 * One item of a request, turned into a native touchpoint (the shape of {@code touchpoint-input.v1.json}) and able to
 * say where in the request each of the touchpoint's fields came from, so that every error names what the caller sent.
 *
 * @param index       the item's position in the request (0 for a request of one)
 * @param sent        the item as sent (a touchpoint, a CloudEvent, a binary-mode CloudEvent's data), for its size
 * @param touchpoint  the native touchpoint, or null when the item could not be mapped ({@code errors} says why)
 * @param errors      why the item could not be mapped, in the request's pointers; empty when it could
 * @param pointer     the item's own place in the request: {@code /3} in an array, empty for a request of one
 * @param dataPointer where the touchpoint's own fields are in the request ({@code /3/data} for a CloudEvent)
 * @param origins     touchpoint fields taken from elsewhere (a CloudEvent attribute) → where that is
 *                    ({@code eventId} → {@code /3/id}, or the header {@code ce-id} in binary mode); a key that is
 *                    a JSON Pointer ({@code /contact/email}) names that one place, and wins over its field's
 * @param reason      the rejection reason's wire name when {@code errors} is not empty ({@code cloudevent},
 *                    {@code segment}, {@code unmapped-event})
 */
public record MappedItem(int index, JsonNode sent, JsonNode touchpoint, List<FieldError> errors, String pointer,
        String dataPointer, Map<String, String> origins, String reason) {

    public static final String CLOUDEVENT_REASON = "cloudevent";

    public MappedItem {
        errors = List.copyOf(errors);
        origins = Map.copyOf(origins);
    }

    /** An item whose mapping errors, if any, are a CloudEvent's. */
    public MappedItem(int index, JsonNode sent, JsonNode touchpoint, List<FieldError> errors, String pointer,
            String dataPointer, Map<String, String> origins) {
        this(index, sent, touchpoint, errors, pointer, dataPointer, origins, CLOUDEVENT_REASON);
    }

    /** A touchpoint sent as one: every field is where it was sent. */
    public static MappedItem ofNative(int index, JsonNode item, boolean inArray) {
        String pointer = inArray ? "/" + index : "";
        return new MappedItem(index, item, item, List.of(), pointer, pointer, Map.of());
    }

    /** Where the touchpoint's field at {@code touchpointPointer} (e.g. {@code /contact/email}) is in the request. */
    public String locate(String touchpointPointer) {
        if (touchpointPointer.isEmpty()) {
            return pointer;
        }
        String exact = origins.get(touchpointPointer);
        if (exact != null) {
            return exact;
        }
        int end = touchpointPointer.indexOf('/', 1);
        String field = touchpointPointer.substring(1, end < 0 ? touchpointPointer.length() : end);
        String origin = origins.get(field);
        return origin != null ? origin : dataPointer + touchpointPointer;
    }

    /** The touchpoint's event id when it has a textual one, else null. */
    public String eventId() {
        if (touchpoint == null) {
            return null;
        }
        JsonNode id = touchpoint.get("eventId");
        return id != null && id.isTextual() ? id.textValue() : null;
    }
}
