package dev.tandem.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.ingest.mapping.SegmentMapper.Call;
import dev.tandem.ingest.mapping.SegmentMapper.Message;
import dev.tandem.support.rest.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SegmentRules RULES = new SegmentRules(Map.of("Demo Requested", "demo.requested"),
            "marketing", "page.viewed", "screen.viewed");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void eventNamesMapByConfigurationElseByTheDefaultRule() {
        assertThat(RULES.typeOf("Demo Requested")).contains("demo.requested");
        assertThat(RULES.typeOf("Webinar Attended")).contains("webinar.attended");
        assertThat(RULES.typeOf("content_downloaded")).contains("content.downloaded");
        assertThat(RULES.typeOf("deal.no_decision")).contains("deal.no_decision");
        assertThat(RULES.typeOf("Clicked")).isEmpty();
        assertThat(RULES.typeOf("Signed Up!")).isEmpty();
    }

    @Test
    void aTrackBecomesATouchpointWhoseFieldsAreTracedToTheBody() throws Exception {
        List<Message> messages = SegmentMapper.parse("track", json("""
                {"userId":42,"event":"Webinar Attended","messageId":"m-1","originalTimestamp":"2026-11-20T15:00:00Z",
                 "properties":{"source":"sales"},"context":{"groupId":"northwind","campaign":{"name":"q4"},
                 "traits":{"email":"ana@northwind.com","name":"Ana","title":"CFO"}}}"""), RULES, "2026-11-21T00:00:00Z");
        Message message = messages.get(0);
        assertThat(message.call()).isEqualTo(Call.TRACK);
        assertThat(message.userId()).isEqualTo("42");
        assertThat(message.ownAccount()).isTrue();
        assertThat(message.ownContact()).isTrue();
        JsonNode touchpoint = message.item().touchpoint();
        assertThat(touchpoint.get("eventId").asText()).isEqualTo("m-1");
        assertThat(touchpoint.get("type").asText()).isEqualTo("webinar.attended");
        assertThat(touchpoint.get("source").asText()).isEqualTo("sales");
        assertThat(touchpoint.get("accountKey").asText()).isEqualTo("northwind");
        assertThat(touchpoint.get("occurredAt").asText()).isEqualTo("2026-11-20T15:00:00Z");
        assertThat(touchpoint.at("/properties/campaign").asText()).isEqualTo("q4");
        assertThat(touchpoint.at("/contact/email").asText()).isEqualTo("ana@northwind.com");
        MappedItem item = message.item();
        assertThat(item.locate("/occurredAt")).isEqualTo("/originalTimestamp");
        assertThat(item.locate("/contact/email")).isEqualTo("/context/traits/email");
        assertThat(item.locate("/accountKey")).isEqualTo("/context/groupId");
        assertThat(item.locate("/properties/source")).isEqualTo("/properties/source");
    }

    @Test
    void inABatchEachMessageIsAnsweredOnItsOwnWithPointersUnderBatch() throws Exception {
        List<Message> messages = SegmentMapper.parse("batch", json("""
                {"batch":[{"type":"page","messageId":"p-1"},{"type":"alias","messageId":"a-1"},
                          {"type":"track","messageId":"t-1","event":"Clicked"},{"type":"group","messageId":"g-1"},
                          "not a message"]}"""), RULES, "2026-11-21T00:00:00Z");
        assertThat(messages.get(0).item().touchpoint().get("type").asText()).isEqualTo("page.viewed");
        assertThat(messages.get(0).item().touchpoint().get("occurredAt").asText()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(messages.get(1).item().errors().get(0).field()).isEqualTo("/batch/1/type");
        assertThat(messages.get(2).item().errors().get(0).field()).isEqualTo("/batch/2/event");
        assertThat(messages.get(2).item().reason()).isEqualTo("unmapped-event");
        assertThat(messages.get(3).item().errors()).extracting("field").contains("/batch/3/userId");
        assertThat(messages.get(4).item().errors().get(0).field()).isEqualTo("/batch/4");
    }

    @Test
    void aScreenIsATouchpointOfTheScreenTypeNamedByItsScreen() throws Exception {
        Message screen = SegmentMapper.parse("screen", json("""
                {"type":"screen","userId":"u-1","messageId":"s-1","name":"Order history",
                 "properties":{"accountKey":"acme"},"timestamp":"2026-11-20T10:00:00Z"}"""), RULES, "x").get(0);

        assertThat(screen.call()).isEqualTo(Call.SCREEN);
        assertThat(screen.item().errors()).isEmpty();
        assertThat(screen.item().touchpoint().get("type").asText()).isEqualTo("screen.viewed");
        assertThat(screen.item().touchpoint().at("/properties/name").asText()).isEqualTo("Order history");
        assertThat(SegmentMapper.parse("batch", json("""
                {"batch":[{"type":"screen","messageId":"s-2","properties":{"accountKey":"acme"}}]}"""), RULES, "x")
                .get(0).item().touchpoint().get("type").asText()).isEqualTo("screen.viewed");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedWhole() {
        assertThatThrownBy(() -> SegmentMapper.parse("batch", json("{\"batch\":{}}"), RULES, "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SegmentMapper.parse("track", json("[1]"), RULES, "x"))
                .isInstanceOf(InvalidInputException.class);
    }
}
