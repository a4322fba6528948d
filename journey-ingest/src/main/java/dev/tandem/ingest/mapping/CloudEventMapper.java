package dev.tandem.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.events.FieldError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudEvents 1.0 (HTTP binding) to native touchpoints. The event's {@code data} holds the touchpoint's fields; what
 * data leaves out is taken from the event's attributes: {@code id} → {@code eventId}, {@code time} →
 * {@code occurredAt}, {@code type} → {@code type} (through the configured mapping, else as it is), {@code subject}
 * → {@code accountKey}. The required attributes ({@code specversion} 1.0, {@code id}, {@code source}, {@code type})
 * must be there even when data holds everything: an event without them is not a CloudEvent. {@code source} is not
 * used: the sending system is the credentials'.
 */
public final class CloudEventMapper {

    public static final String SPEC_VERSION = "1.0";
    /** Binary-mode attribute headers start with this (HTTP binding 3.1.3). */
    public static final String HEADER_PREFIX = "ce-";

    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

    private final Map<String, String> typeMapping;

    /** @param typeMapping CloudEvent type → touchpoint type, for events whose data names no type */
    public CloudEventMapper(Map<String, String> typeMapping) {
        this.typeMapping = Map.copyOf(typeMapping);
    }

    /** One event of structured mode ({@code pointer} empty) or of a batch ({@code pointer} {@code /3}). */
    public MappedItem structured(int index, JsonNode event, String pointer) {
        if (event == null || !event.isObject()) {
            return failed(index, event, pointer, new FieldError(pointer, "is not a CloudEvent (a JSON object)"));
        }
        Attributes attributes = new Attributes() {
            @Override
            public JsonNode get(String name) {
                return event.get(name);
            }

            @Override
            public String where(String name) {
                return pointer + "/" + name;
            }
        };
        List<FieldError> errors = new ArrayList<>();
        if (event.has("data_base64")) {
            errors.add(new FieldError(pointer + "/data_base64",
                    "is not taken: send the touchpoint's fields as JSON in data"));
        }
        return map(index, event, attributes, event.get("data"), pointer, pointer + "/data", errors);
    }

    /**
     * Binary mode: the attributes are {@code ce-*} headers ({@code headers} by lower-case name, values as sent,
     * percent-encoded), the body is the data.
     */
    public MappedItem binary(Map<String, String> headers, JsonNode data) {
        Map<String, String> lowered = new HashMap<>();
        headers.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        Attributes attributes = new Attributes() {
            @Override
            public JsonNode get(String name) {
                String value = lowered.get(HEADER_PREFIX + name);
                return value == null ? null : TextNode.valueOf(percentDecoded(value));
            }

            @Override
            public String where(String name) {
                return HEADER_PREFIX + name;
            }
        };
        return map(0, data, attributes, data, "", "", new ArrayList<>());
    }

    private MappedItem map(int index, JsonNode sent, Attributes attributes, JsonNode data, String pointer,
            String dataPointer, List<FieldError> errors) {
        for (String name : REQUIRED) {
            JsonNode value = attributes.get(name);
            if (value == null || value.isNull()) {
                errors.add(new FieldError(attributes.where(name), "is a required CloudEvent attribute"));
            } else if (!value.isTextual() || value.textValue().isEmpty()) {
                errors.add(new FieldError(attributes.where(name), "must be a non-empty string"));
            }
        }
        JsonNode version = attributes.get("specversion");
        if (version != null && version.isTextual() && !version.textValue().isEmpty()
                && !SPEC_VERSION.equals(version.textValue())) {
            errors.add(new FieldError(attributes.where("specversion"), "must be " + SPEC_VERSION));
        }
        JsonNode time = attributes.get("time");
        if (time != null && !isTimestamp(time)) {
            errors.add(new FieldError(attributes.where("time"), "is not an RFC 3339 timestamp"));
        }
        JsonNode contentType = attributes.get("datacontenttype");
        if (contentType != null && !isJson(contentType)) {
            errors.add(new FieldError(attributes.where("datacontenttype"),
                    "must be application/json (or another JSON type): data holds the touchpoint's fields"));
        }
        if (data == null || !data.isObject()) {
            errors.add(new FieldError(dataPointer, "must be a JSON object holding the touchpoint's fields"));
        }
        if (!errors.isEmpty()) {
            return new MappedItem(index, sent, null, errors, pointer, dataPointer, Map.of());
        }
        ObjectNode touchpoint = ((ObjectNode) data).deepCopy();
        Map<String, String> origins = new HashMap<>();
        fill(touchpoint, "eventId", attributes, "id", origins);
        fill(touchpoint, "occurredAt", attributes, "time", origins);
        fill(touchpoint, "accountKey", attributes, "subject", origins);
        if (!touchpoint.hasNonNull("type")) {
            String type = attributes.get("type").textValue();
            touchpoint.put("type", typeMapping.getOrDefault(type, type));
            origins.put("type", attributes.where("type"));
        }
        return new MappedItem(index, sent, touchpoint, List.of(), pointer, dataPointer, origins);
    }

    /** Sets the touchpoint's {@code field} from the attribute when data has none, remembering where it came from. */
    private static void fill(ObjectNode touchpoint, String field, Attributes attributes, String attribute,
            Map<String, String> origins) {
        JsonNode value = attributes.get(attribute);
        if (!touchpoint.hasNonNull(field) && value != null && !value.isNull()) {
            touchpoint.set(field, value);
            origins.put(field, attributes.where(attribute));
        }
    }

    private static MappedItem failed(int index, JsonNode sent, String pointer, FieldError error) {
        return new MappedItem(index, sent, null, List.of(error), pointer, pointer, Map.of());
    }

    private static boolean isTimestamp(JsonNode time) {
        if (!time.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(time.textValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isJson(JsonNode contentType) {
        if (!contentType.isTextual()) {
            return false;
        }
        String type = contentType.textValue().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /**
     * A binary-mode header value with its percent-encoded octets decoded as UTF-8 (HTTP binding 3.1.3.2); a
     * malformed escape stays as it is. Unlike form decoding, '+' is not a space.
     */
    static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high * 16 + low);
                    i += 2;
                    continue;
                }
            }
            bytes.write(raw[i]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A CloudEvent's attributes wherever they are (JSON members or headers) and how to name each place. */
    private interface Attributes {
        JsonNode get(String name);

        String where(String name);
    }
}
