package dev.tandem.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sizes a touchpoint may have beyond what its JSON Schema says. The schema bounds each named field (eventId and
 * accountKey 128 characters, type 100, contact email 254, name and title 200) and the top level of
 * {@code properties} (50 members); these bound the touchpoint as a whole and everything inside its free-form
 * {@code properties}, so that no single item can make a record that downstream stores and projections carry forever
 * arbitrarily large.
 */
public final class TouchpointLimits {

    /** Containers from {@code properties} itself (level 1) down to the deepest nested object or array. */
    public static final int MAX_PROPERTY_DEPTH = 5;
    /** Named members of {@code properties}, nested objects' members included. */
    public static final int MAX_PROPERTIES = 50;
    /** Characters (code points) of any string value inside {@code properties}. */
    public static final int MAX_PROPERTY_VALUE_CHARS = 4096;

    private final int maxEventBytes;

    public TouchpointLimits(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** The items whose compact JSON is over the event size limit, each named by its pointer ({@code /3}). */
    public List<FieldError> oversizedItems(List<JsonNode> items, boolean array) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            oversized(items.get(i), array ? "/" + i : "").ifPresent(errors::add);
        }
        return errors;
    }

    /** The error naming {@code item} at {@code pointer} when its compact JSON is over the event size limit. */
    public java.util.Optional<FieldError> oversized(JsonNode item, String pointer) {
        long bytes = item == null ? 0 : compactJsonBytes(item);
        if (bytes <= maxEventBytes) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FieldError(pointer,
                "is too large: " + bytes + " bytes as compact JSON; a touchpoint may have at most " + maxEventBytes));
    }

    /**
     * What is wrong with the item's {@code properties}: too deep, too many, or a string too long, each named by JSON
     * Pointer under {@code pointerPrefix}. Empty when they are within bounds or absent; a {@code properties} that is
     * not an object is left to the schema.
     */
    public List<FieldError> propertyErrors(JsonNode item, String pointerPrefix) {
        JsonNode properties = item.path("properties");
        List<FieldError> errors = new ArrayList<>();
        if (!properties.isObject()) {
            return errors;
        }
        String pointer = pointerPrefix + "/properties";
        int count = walk(properties, pointer, 1, errors);
        if (count > MAX_PROPERTIES) {
            errors.add(new FieldError(pointer, "holds " + count + " properties (nested ones included); at most "
                    + MAX_PROPERTIES));
        }
        return errors;
    }

    /** Adds the errors under {@code node} and answers how many named members it holds at every depth. */
    private static int walk(JsonNode node, String pointer, int depth, List<FieldError> errors) {
        if (node.isTextual()) {
            String text = node.textValue();
            int chars = text.codePointCount(0, text.length());
            if (chars > MAX_PROPERTY_VALUE_CHARS) {
                errors.add(new FieldError(pointer, "is " + chars
                        + " characters long; a property value may have at most " + MAX_PROPERTY_VALUE_CHARS));
            }
            return 0;
        }
        if (!node.isContainerNode()) {
            return 0;
        }
        if (depth > MAX_PROPERTY_DEPTH) {
            // what lies deeper is not looked at: the item is refused for this already
            errors.add(new FieldError(pointer, "nests deeper than " + MAX_PROPERTY_DEPTH + " levels of properties"));
            return 0;
        }
        int count = 0;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                count += 1 + walk(field.getValue(), pointer + "/" + escape(field.getKey()), depth + 1, errors);
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                count += walk(node.get(i), pointer + "/" + i, depth + 1, errors);
            }
        }
        return count;
    }

    /** A member name as a JSON Pointer reference token (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static long compactJsonBytes(JsonNode item) {
        try {
            return EventJson.mapper().writeValueAsBytes(item).length;
        } catch (JsonProcessingException e) {
            // a tree that was just parsed always serialises
            throw new IllegalStateException("touchpoint could not be serialised", e);
        }
    }
}
