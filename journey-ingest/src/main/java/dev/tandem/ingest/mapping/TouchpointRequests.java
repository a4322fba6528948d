package dev.tandem.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed body of {@code POST /v1/touchpoints} as items, by its media type: {@code application/json} is a native
 * touchpoint or an array of them, or, with a {@code ce-specversion} header, a binary-mode CloudEvent whose body is
 * its data; {@code application/cloudevents+json} is one structured-mode CloudEvent;
 * {@code application/cloudevents-batch+json} an array of them. A body of the wrong shape for its media type is
 * refused whole ({@link InvalidInputException}); what is wrong with an item is the item's.
 */
public final class TouchpointRequests {

    public static final String CLOUDEVENTS = "application/cloudevents+json";
    public static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";
    private static final String BINARY_MARKER = CloudEventMapper.HEADER_PREFIX + "specversion";

    private final CloudEventMapper cloudEvents;

    public TouchpointRequests(CloudEventMapper cloudEvents) {
        this.cloudEvents = cloudEvents;
    }

    /**
     * @param mediaType the Content-Type (parameters are ignored)
     * @param ceHeaders the request's {@code ce-*} headers by name (any case); empty when it has none
     */
    public ParsedRequest parse(String mediaType, Map<String, String> ceHeaders, JsonNode body) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CLOUDEVENTS -> {
                if (body == null || !body.isObject()) {
                    throw refused("A structured-mode CloudEvent is one JSON object; send an array as "
                            + CLOUDEVENTS_BATCH, "expected a CloudEvent object");
                }
                yield new ParsedRequest(IngestFormat.CLOUDEVENTS, false, List.of(cloudEvents.structured(0, body, "")));
            }
            case CLOUDEVENTS_BATCH -> {
                List<JsonNode> events = nonEmptyArray(body, "A CloudEvents batch is a JSON array of 1 or more events");
                List<MappedItem> items = new ArrayList<>(events.size());
                for (int i = 0; i < events.size(); i++) {
                    items.add(cloudEvents.structured(i, events.get(i), "/" + i));
                }
                yield new ParsedRequest(IngestFormat.CLOUDEVENTS, true, items);
            }
            default -> hasHeader(ceHeaders, BINARY_MARKER)
                    ? new ParsedRequest(IngestFormat.CLOUDEVENTS, false, List.of(cloudEvents.binary(ceHeaders, body)))
                    : nativeRequest(body);
        };
    }

    private static ParsedRequest nativeRequest(JsonNode body) {
        if (body != null && body.isObject()) {
            return new ParsedRequest(IngestFormat.NATIVE, false, List.of(MappedItem.ofNative(0, body, false)));
        }
        if (body == null || !body.isArray()) {
            throw refused("The body must be a touchpoint object or an array of them",
                    "expected an object or an array");
        }
        List<JsonNode> touchpoints = nonEmptyArray(body, "An array must hold 1 or more touchpoints");
        List<MappedItem> items = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            items.add(MappedItem.ofNative(i, touchpoints.get(i), true));
        }
        return new ParsedRequest(IngestFormat.NATIVE, true, items);
    }

    private static List<JsonNode> nonEmptyArray(JsonNode body, String detail) {
        if (body == null || !body.isArray()) {
            throw refused(detail, "expected an array");
        }
        if (body.isEmpty()) {
            throw refused(detail, "holds no items");
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return items;
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(header -> header.equalsIgnoreCase(name));
    }

    private static InvalidInputException refused(String detail, String message) {
        return new InvalidInputException(detail, List.of(new FieldError("", message)));
    }
}
