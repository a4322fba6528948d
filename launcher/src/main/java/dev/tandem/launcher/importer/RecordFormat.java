package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The three shapes a history record may have, each told by its own fields, and where journey-ingest takes a batch
 * of them: native touchpoints and CloudEvents on {@code /v1/touchpoints}, Segment calls on {@code /v1/batch}.
 */
public enum RecordFormat {

    NATIVE("native", "/v1/touchpoints", "application/json", ""),
    CLOUDEVENTS("cloudevents", "/v1/touchpoints", "application/cloudevents-batch+json", ""),
    SEGMENT("segment", "/v1/batch", "application/json", "/batch");

    private static final Set<String> SEGMENT_TYPES = Set.of("track", "page", "identify", "group", "screen");

    private final String wireName;
    private final String path;
    private final String contentType;
    private final String pointerPrefix;

    RecordFormat(String wireName, String path, String contentType, String pointerPrefix) {
        this.wireName = wireName;
        this.path = path;
        this.contentType = contentType;
        this.pointerPrefix = pointerPrefix;
    }

    /**
     * A CloudEvent has {@code specversion}; a Segment call a Segment {@code type} and one of its identities or
     * {@code event}; anything else is taken for a native touchpoint (ingest says what is wrong with it).
     */
    public static RecordFormat of(JsonNode record) {
        if (record.has("specversion")) {
            return CLOUDEVENTS;
        }
        if (record.path("type").isTextual() && SEGMENT_TYPES.contains(record.path("type").asText())
                && (record.has("userId") || record.has("anonymousId") || record.has("event")
                        || record.has("messageId"))) {
            return SEGMENT;
        }
        return NATIVE;
    }

    public String wireName() {
        return wireName;
    }

    public String path() {
        return path;
    }

    public String contentType() {
        return contentType;
    }

    /** The JSON Pointer prefix of the batch's items in the request body ({@code /batch} for Segment). */
    public String pointerPrefix() {
        return pointerPrefix;
    }

    /** The request body for these records. */
    public JsonNode body(List<JsonNode> records) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode().addAll(records);
        if (this == SEGMENT) {
            ObjectNode batch = JsonNodeFactory.instance.objectNode();
            batch.set("batch", items);
            return batch;
        }
        return items;
    }
}
