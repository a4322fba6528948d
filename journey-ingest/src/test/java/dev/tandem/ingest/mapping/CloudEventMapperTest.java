package dev.tandem.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudEventMapper mapper =
            new CloudEventMapper(Map.of("com.acme.webinar.attended", "webinar.attended"));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void attributesFillWhatDataLeavesOutAndDataWins() {
        MappedItem item = mapper.structured(0, json("""
                {"specversion":"1.0","id":"ce-1","source":"https://marketo.example","type":"com.acme.webinar.attended",
                 "time":"2026-11-20T15:00:00Z","subject":"northwind",
                 "data":{"source":"marketing","occurredAt":"2026-11-19T09:00:00Z"}}"""), "");

        assertThat(item.errors()).isEmpty();
        assertThat(item.touchpoint()).isEqualTo(json("""
                {"source":"marketing","occurredAt":"2026-11-19T09:00:00Z","eventId":"ce-1",
                 "accountKey":"northwind","type":"webinar.attended"}"""));
        assertThat(item.eventId()).isEqualTo("ce-1");
        // a field from an attribute is named by the attribute, a field of data by its place in data
        assertThat(item.locate("/eventId")).isEqualTo("/id");
        assertThat(item.locate("/type")).isEqualTo("/type");
        assertThat(item.locate("/accountKey")).isEqualTo("/subject");
        assertThat(item.locate("/occurredAt")).isEqualTo("/data/occurredAt");
        assertThat(item.locate("/contact/email")).isEqualTo("/data/contact/email");
    }

    @Test
    void anUnmappedTypeIsTheTouchpointTypeAndDataTypeBeatsTheAttribute() {
        MappedItem unmapped = mapper.structured(2, json("""
                {"specversion":"1.0","id":"ce-2","source":"crm","type":"meeting.held","data":{}}"""), "/2");
        assertThat(unmapped.touchpoint().get("type").textValue()).isEqualTo("meeting.held");
        assertThat(unmapped.locate("/type")).isEqualTo("/2/type");
        assertThat(unmapped.locate("")).isEqualTo("/2");

        MappedItem own = mapper.structured(0, json("""
                {"specversion":"1.0","id":"ce-3","source":"crm","type":"com.acme.webinar.attended",
                 "data":{"type":"demo.requested","eventId":"own-id"}}"""), "");
        assertThat(own.touchpoint().get("type").textValue()).isEqualTo("demo.requested");
        assertThat(own.eventId()).isEqualTo("own-id");
        assertThat(own.locate("/eventId")).isEqualTo("/data/eventId");
    }

    @Test
    void missingRequiredAttributesAreNamedInTheBatch() {
        MappedItem item = mapper.structured(3, json("""
                {"id":"","type":7,"data":{"source":"sales"}}"""), "/3");

        assertThat(item.touchpoint()).isNull();
        assertThat(item.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("/3/specversion", "/3/id", "/3/source", "/3/type");
        assertThat(item.errors()).filteredOn(e -> e.field().equals("/3/specversion"))
                .extracting(FieldError::message).containsExactly("is a required CloudEvent attribute");
    }

    @Test
    void aWrongSpecVersionBase64DataAndANonJsonContentTypeAreRefused() {
        MappedItem item = mapper.structured(0, json("""
                {"specversion":"0.3","id":"x","source":"s","type":"web.visited","datacontenttype":"text/xml",
                 "time":"yesterday","data_base64":"PGEvPg=="}"""), "");

        assertThat(item.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "/specversion", "/datacontenttype", "/time", "/data_base64", "/data");
    }

    @Test
    void aBatchMemberThatIsNoObjectIsRejectedOnItsOwn() {
        MappedItem item = mapper.structured(1, json("42"), "/1");
        assertThat(item.errors()).containsExactly(new FieldError("/1", "is not a CloudEvent (a JSON object)"));
    }

    @Test
    void binaryModeTakesTheHeadersAsAttributesAndNamesThemByHeader() {
        MappedItem item = mapper.binary(Map.of("CE-SpecVersion", "1.0", "ce-id", "bin-1", "ce-source", "crm",
                        "ce-type", "com.acme.webinar.attended", "ce-time", "2026-11-20T15:00:00Z",
                        "ce-subject", "north%20wind"),
                json("{\"source\":\"marketing\"}"));

        assertThat(item.errors()).isEmpty();
        assertThat(item.touchpoint().get("eventId").textValue()).isEqualTo("bin-1");
        assertThat(item.touchpoint().get("type").textValue()).isEqualTo("webinar.attended");
        assertThat(item.touchpoint().get("occurredAt").textValue()).isEqualTo("2026-11-20T15:00:00Z");
        // percent-encoded header values are decoded (HTTP binding 3.1.3.2)
        assertThat(item.touchpoint().get("accountKey").textValue()).isEqualTo("north wind");
        assertThat(item.locate("/accountKey")).isEqualTo("ce-subject");
        assertThat(item.locate("/source")).isEqualTo("/source");

        MappedItem missing = mapper.binary(Map.of("ce-specversion", "1.0", "ce-source", "crm", "ce-type", "x.y"),
                json("{}"));
        assertThat(missing.errors()).containsExactly(new FieldError("ce-id", "is a required CloudEvent attribute"));
    }

    @Test
    void percentDecodingKeepsPlusAndMalformedEscapes() {
        assertThat(CloudEventMapper.percentDecoded("a+b%C3%A9%zz%")).isEqualTo("a+bé%zz%");
    }

    @Test
    void theMediaTypeChoosesTheMode() {
        TouchpointRequests requests = new TouchpointRequests(mapper);
        String event = """
                {"specversion":"1.0","id":"e1","source":"s","type":"web.visited","data":{}}""";

        ParsedRequest structured = requests.parse("application/cloudevents+json; charset=utf-8", Map.of(),
                json(event));
        assertThat(structured.format()).isEqualTo(IngestFormat.CLOUDEVENTS);
        assertThat(structured.array()).isFalse();
        assertThat(structured.items().get(0).dataPointer()).isEqualTo("/data");

        ParsedRequest batch = requests.parse("application/cloudevents-batch+json", Map.of(),
                json("[" + event + "," + event + "]"));
        assertThat(batch.array()).isTrue();
        assertThat(batch.items()).extracting(MappedItem::pointer).containsExactly("/0", "/1");

        ParsedRequest binary = requests.parse("application/json", Map.of("ce-specversion", "1.0"), json("{}"));
        assertThat(binary.format()).isEqualTo(IngestFormat.CLOUDEVENTS);

        ParsedRequest plain = requests.parse("application/json", Map.of(), json("[{},{}]"));
        assertThat(plain.format()).isEqualTo(IngestFormat.NATIVE);
        assertThat(plain.items()).extracting(MappedItem::pointer).containsExactly("/0", "/1");

        assertThatThrownBy(() -> requests.parse("application/cloudevents+json", Map.of(), json("[" + event + "]")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cloudevents-batch+json");
        assertThatThrownBy(() -> requests.parse("application/cloudevents-batch+json", Map.of(), json("[]")))
                .isInstanceOf(InvalidInputException.class);
    }
}
