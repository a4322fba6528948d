package dev.tandem.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.RawTouchpointRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A deterministic corpus (seeded) of malformed inputs for every way in: native JSON, CloudEvents structured, batch
 * and binary, Segment's five calls over HTTP, and raw Kafka records. Each case starts from a valid input of its
 * format and breaks it in one way that makes it invalid whatever else is true: bad JSON, a wrong type, a missing
 * field, a bad timestamp, a huge string, deep nesting, invalid UTF-8, an oversized body, a wrong media type.
 */
final class MalformedCorpus {

    /** An HTTP request: where, as what, with which extra headers, and the body's bytes. */
    record HttpCase(String kind, String path, String contentType, Map<String, String> headers, byte[] body) {
    }

    /** A raw record: its headers and value (the key names the case). */
    record KafkaCase(String kind, Map<String, String> headers, byte[] value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] BAD_TIMES = {"2026-13-45T99:00:00Z", "yesterday", "1700000000", "",
        "2026-11-20 15:00", "20261120T150000Z", "2026-11-20T15:00:00", "9999-99-99", "2026-02-30T10:00:00Z"};
    private static final String[] WRONG_MEDIA_TYPES = {"text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream"};

    private final Random random;
    private int sequence;

    MalformedCorpus(long seed) {
        this.random = new Random(seed);
    }

    private String id() {
        return "corpus-" + (sequence++);
    }

    // ---- valid inputs of each format: every case breaks one of these ----

    ObjectNode nativeTouchpoint() {
        ObjectNode t = NODES.objectNode();
        t.put("eventId", id()).put("accountKey", "northwind").put("type", "webinar.attended")
                .put("source", "marketing").put("occurredAt", "2026-11-20T15:00:00Z");
        t.putObject("contact").put("email", "ana@northwind.com").put("name", "Ana").put("title", "CFO");
        t.putObject("properties").put("webinar", "roadmap");
        return t;
    }

    ObjectNode cloudEvent() {
        ObjectNode e = NODES.objectNode();
        e.put("specversion", "1.0").put("id", id()).put("source", "crm").put("type", "meeting.held")
                .put("time", "2026-11-21T10:00:00Z").put("subject", "northwind");
        e.putObject("data").put("source", "sales");
        return e;
    }

    ObjectNode segment(String type) {
        ObjectNode m = NODES.objectNode();
        m.put("type", type).put("messageId", id()).put("userId", "corpus-user-" + random.nextInt(50))
                .put("timestamp", "2026-11-20T15:00:00Z");
        switch (type) {
            case "track" -> {
                m.put("event", "Webinar Attended");
                m.putObject("properties").put("webinar", "roadmap");
                m.putObject("context").put("groupId", "northwind");
            }
            case "page", "screen" -> {
                m.put("name", "Pricing");
                m.putObject("properties").put("path", "/pricing").put("accountKey", "northwind");
            }
            case "identify" -> m.putObject("traits").put("email", "ana@northwind.com").put("title", "CFO");
            default -> m.put("groupId", "northwind");
        }
        return m;
    }

    // ---- the ways to break an item: each leaves it invalid ----

    /** Where each format's item may be broken, by JSON Pointer, with what makes it invalid there. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "native", List.of("/eventId", "/type", "/source", "/occurredAt"),
            "cloudevent", List.of("/specversion", "/id", "/source", "/type", "/data"),
            "track", List.of("/messageId", "/event", "/context/groupId"),
            "page", List.of("/messageId", "/properties/accountKey"),
            "screen", List.of("/messageId", "/properties/accountKey"),
            "identify", List.of("/messageId", "/traits/email", "/userId"),
            "group", List.of("/messageId", "/groupId", "/userId"));
    private static final Map<String, List<String>> TYPED = Map.of(
            "native", List.of("/eventId", "/type", "/source", "/occurredAt", "/accountKey", "/contact",
                    "/contact/email", "/properties"),
            "cloudevent", List.of("/specversion", "/id", "/source", "/type", "/data", "/time"),
            "track", List.of("/messageId", "/event", "/properties", "/context/groupId", "/timestamp"),
            "page", List.of("/messageId", "/properties", "/timestamp", "/properties/accountKey"),
            "screen", List.of("/messageId", "/properties", "/timestamp", "/properties/accountKey"),
            "identify", List.of("/messageId", "/traits/email", "/userId"),
            "group", List.of("/messageId", "/groupId", "/userId"));
    private static final Map<String, String> TIME = Map.of("native", "/occurredAt", "cloudevent", "/time",
            "track", "/timestamp", "page", "/timestamp", "screen", "/timestamp", "identify", "/timestamp", "group",
            "/timestamp");
    /** Strings with a length limit (or, for Segment, a field that becomes one). */
    private static final Map<String, List<String>> LONG = Map.of(
            "native", List.of("/eventId", "/accountKey", "/contact/name", "/properties/webinar"),
            "cloudevent", List.of("/id", "/subject", "/data/source"),
            "track", List.of("/messageId", "/context/groupId", "/properties/webinar"),
            "page", List.of("/messageId", "/properties/accountKey", "/properties/path"),
            "screen", List.of("/messageId", "/properties/accountKey", "/properties/path"),
            "identify", List.of("/messageId", "/traits/title", "/traits/email"),
            "group", List.of("/messageId", "/groupId"));

    /** One item of {@code format} broken in a way picked by {@code variant}. */
    JsonNode brokenItem(String format, int variant) {
        ObjectNode item = switch (format) {
            case "native" -> nativeTouchpoint();
            case "cloudevent" -> cloudEvent();
            default -> segment(format);
        };
        switch (variant % 5) {
            case 0 -> remove(item, pick(REQUIRED.get(format)));
            case 1 -> {
                String pointer = pick(TYPED.get(format));
                set(item, pointer, wrongType(pointer));
            }
            case 2 -> set(item, TIME.get(format), NODES.textNode(BAD_TIMES[random.nextInt(BAD_TIMES.length)]));
            case 3 -> set(item, pick(LONG.get(format)), NODES.textNode("x".repeat(5_000 + random.nextInt(30_000))));
            default -> set(item, deepField(format), nested(6 + random.nextInt(600)));
        }
        return item;
    }

    private static String deepField(String format) {
        return switch (format) {
            case "native", "track", "page", "screen" -> "/properties/deep";
            case "cloudevent" -> "/data/properties";
            case "identify" -> "/traits/email";
            default -> "/groupId";
        };
    }

    /** Not what the field takes (an object only where an object is not taken). */
    private JsonNode wrongType(String pointer) {
        boolean objectTaken = pointer.endsWith("/properties") || pointer.equals("/data");
        return switch (random.nextInt(objectTaken ? 3 : 4)) {
            case 0 -> NODES.numberNode(random.nextInt(1000) + 0.5);
            case 1 -> NODES.arrayNode().add("x");
            case 2 -> NODES.booleanNode(true);
            default -> NODES.objectNode().put("unexpected", "object");
        };
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.objectNode().set("n", node) : NODES.arrayNode().add(node);
        }
        return node;
    }

    private String pick(List<String> pointers) {
        return pointers.get(random.nextInt(pointers.size()));
    }

    private static void remove(ObjectNode item, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? item : item.at(pointer.substring(0, slash));
        ((ObjectNode) parent).remove(pointer.substring(slash + 1));
    }

    private static void set(ObjectNode item, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = slash == 0 ? item : item.withObject(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1), value);
    }

    // ---- whole bodies ----

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Not JSON: cut short, or a stray token after a colon. */
    byte[] badJson(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
            return text.substring(0, 1 + random.nextInt(text.length() - 1)).getBytes(StandardCharsets.UTF_8);
        }
        int colon = text.indexOf(':', random.nextInt(Math.max(1, text.length() / 2)));
        colon = colon < 0 ? text.indexOf(':') : colon;
        return (text.substring(0, colon + 1) + "@@" + text.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
    }

    /** A string value with bytes that are not UTF-8. */
    byte[] invalidUtf8(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int quote = text.indexOf("\":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        byte[][] garbage = {{(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
        byte[] bad = garbage[random.nextInt(garbage.length)];
        out.write(bad, 0, bad.length);
        byte[] tail = text.substring(quote + 3).getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** Over 1 MiB: a valid shape padded with one long string. */
    byte[] oversized(String format) {
        ObjectNode item = "cloudevent".equals(format) ? cloudEvent() : "native".equals(format) ? nativeTouchpoint()
                : segment(format);
        item.put("padding", "p".repeat(1_048_576 + random.nextInt(4096)));
        return bytes(item);
    }

    // ---- the HTTP corpus ----

    /** {@code perFormatAndKind} cases of each kind for each way in over HTTP. */
    List<HttpCase> http(int perFormatAndKind, int oversizedPerFormat) {
        List<HttpCase> cases = new ArrayList<>();
        Map<String, Supplier<HttpCase>> valid = new LinkedHashMap<>();
        String ndjson = "application/json";
        for (String call : List.of("track", "page", "screen", "identify", "group")) {
            valid.put("segment-" + call, () -> new HttpCase("", "/v1/" + call, ndjson, Map.of(),
                    bytes(segment(call))));
        }
        valid.put("segment-batch", () -> new HttpCase("", "/v1/batch", ndjson, Map.of(),
                bytes(NODES.objectNode().set("batch", NODES.arrayNode().add(segment("track"))))));
        valid.put("native", () -> new HttpCase("", "/v1/touchpoints", ndjson, Map.of(), bytes(nativeTouchpoint())));
        valid.put("native-array", () -> new HttpCase("", "/v1/touchpoints", ndjson, Map.of(),
                bytes(NODES.arrayNode().add(nativeTouchpoint()))));
        valid.put("cloudevents", () -> new HttpCase("", "/v1/touchpoints", "application/cloudevents+json", Map.of(),
                bytes(cloudEvent())));
        valid.put("cloudevents-batch", () -> new HttpCase("", "/v1/touchpoints", "application/cloudevents-batch+json",
                Map.of(), bytes(NODES.arrayNode().add(cloudEvent()))));
        valid.put("cloudevents-binary", () -> new HttpCase("", "/v1/touchpoints", ndjson, binaryHeaders(),
                bytes(NODES.objectNode().put("source", "sales"))));
        for (Map.Entry<String, Supplier<HttpCase>> entry : valid.entrySet()) {
            String format = entry.getKey();
            for (int i = 0; i < perFormatAndKind; i++) {
                HttpCase base = entry.getValue().get();
                cases.add(new HttpCase(format + "/bad-json", base.path(), base.contentType(), base.headers(),
                        badJson(base.body())));
                cases.add(new HttpCase(format + "/invalid-utf8", base.path(), base.contentType(), base.headers(),
                        invalidUtf8(base.body())));
                cases.add(new HttpCase(format + "/media-type", base.path(),
                        WRONG_MEDIA_TYPES[random.nextInt(WRONG_MEDIA_TYPES.length)], base.headers(), base.body()));
                cases.add(new HttpCase(format + "/deep-json", base.path(), base.contentType(), base.headers(),
                        tooDeep()));
                for (int variant = 0; variant < 5; variant++) {
                    cases.add(brokenHttp(format, base, variant));
                }
            }
            for (int i = 0; i < oversizedPerFormat; i++) {
                HttpCase base = entry.getValue().get();
                String itemFormat = format.startsWith("segment-") ? format.substring(8).replace("batch", "track")
                        : format.startsWith("cloudevents") ? "cloudevent" : "native";
                cases.add(new HttpCase(format + "/oversized", base.path(), base.contentType(), base.headers(),
                        oversized(itemFormat)));
            }
        }
        return cases;
    }

    /** Nested past the JSON parser's depth limit (1000): refused as unreadable. */
    private byte[] tooDeep() {
        int depth = 1_001 + random.nextInt(2_000);
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private HttpCase brokenHttp(String format, HttpCase base, int variant) {
        String kind = format + "/item-" + variant;
        return switch (format) {
            case "native" -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(brokenItem("native", variant)));
            case "native-array" -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(array("native", variant)));
            case "cloudevents" -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(brokenItem("cloudevent", variant)));
            case "cloudevents-batch" -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(array("cloudevent", variant)));
            case "cloudevents-binary" -> brokenBinary(kind, base, variant);
            case "segment-batch" -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(NODES.objectNode().set("batch", segmentBatch(variant))));
            default -> new HttpCase(kind, base.path(), base.contentType(), Map.of(),
                    bytes(brokenItem(format.substring("segment-".length()), variant)));
        };
    }

    /** 1 to 4 items, every one broken: a request whose items are all rejected. */
    private ArrayNode array(String format, int variant) {
        ArrayNode array = NODES.arrayNode();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            array.add(brokenItem(format, variant + i));
        }
        return array;
    }

    private ArrayNode segmentBatch(int variant) {
        ArrayNode batch = NODES.arrayNode();
        String[] calls = {"track", "page", "screen", "identify", "group"};
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(6) == 0) {
                batch.add(NODES.objectNode().put("type", "alias").put("messageId", id()));
            } else {
                batch.add(brokenItem(calls[random.nextInt(calls.length)], variant + i));
            }
        }
        return batch;
    }

    private Map<String, String> binaryHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", id());
        headers.put("ce-source", "crm");
        headers.put("ce-type", "meeting.held");
        headers.put("ce-time", "2026-11-21T10:00:00Z");
        headers.put("ce-subject", "northwind");
        return headers;
    }

    private HttpCase brokenBinary(String kind, HttpCase base, int variant) {
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        byte[] body = base.body();
        switch (variant) {
            case 0 -> headers.remove(List.of("ce-id", "ce-source", "ce-type").get(random.nextInt(3)));
            case 1 -> body = bytes(NODES.objectNode().put("source", random.nextInt(100)));
            case 2 -> headers.put("ce-time", BAD_TIMES[random.nextInt(BAD_TIMES.length)]);
            // longer than an event id may be, well within a header's size
            case 3 -> headers.put("ce-id", "x".repeat(200 + random.nextInt(2_000)));
            default -> body = bytes(NODES.objectNode().put("source", "sales").set("properties", nested(6 + random
                    .nextInt(300))));
        }
        return new HttpCase(kind, base.path(), base.contentType(), headers, body);
    }

    // ---- the Kafka corpus ----

    /** {@code perKind} records of each kind; {@code tenant} names the run (the cases without a tenant carry it too). */
    List<KafkaCase> kafka(int perKind, String tenant) {
        List<KafkaCase> cases = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            Map<String, String> ok = Map.of(RawTouchpointRecords.TENANT, tenant, RawTouchpointRecords.SYSTEM,
                    "corpus", "corpus-run", tenant);
            byte[] valid = bytes(nativeTouchpoint());
            cases.add(new KafkaCase("no-tenant", Map.of("corpus-run", tenant), valid));
            cases.add(new KafkaCase("bad-tenant", with(ok, RawTouchpointRecords.TENANT, "no such tenant!"), valid));
            cases.add(new KafkaCase("bad-system", with(ok, RawTouchpointRecords.SYSTEM, "Not A System"), valid));
            cases.add(new KafkaCase("bad-format", with(ok, RawTouchpointRecords.FORMAT, "xml"), valid));
            cases.add(new KafkaCase("bad-json", ok, badJson(valid)));
            cases.add(new KafkaCase("invalid-utf8", ok, invalidUtf8(valid)));
            cases.add(new KafkaCase("not-an-object", ok, bytes(NODES.arrayNode().add(nativeTouchpoint()))));
            cases.add(new KafkaCase("empty", ok, new byte[0]));
            cases.add(new KafkaCase("too-large", ok, bytes(nativeTouchpoint().put("padding",
                    "p".repeat(33_000 + random.nextInt(5_000))))));
            cases.add(new KafkaCase("deep-json", ok, tooDeep()));
            int variant = random.nextInt(5);
            cases.add(new KafkaCase("native/item-" + variant, ok, bytes(brokenItem("native", variant))));
            cases.add(new KafkaCase("cloudevents/item-" + variant, ok, bytes(brokenItem("cloudevent", variant))));
            Map<String, String> binary = new LinkedHashMap<>(ok);
            binaryHeaders().forEach((name, value) -> binary.put("ce_" + name.substring(3), value));
            binary.remove(List.of("ce_id", "ce_source", "ce_type").get(random.nextInt(3)));
            cases.add(new KafkaCase("cloudevents-binary", binary, bytes(NODES.objectNode().put("source", "sales"))));
        }
        return cases;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
