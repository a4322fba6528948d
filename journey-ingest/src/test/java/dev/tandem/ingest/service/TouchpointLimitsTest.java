package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TouchpointLimitsTest {

    private final TouchpointLimits limits = new TouchpointLimits(1000);

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    private static JsonNode withProperties(JsonNode properties) {
        ObjectNode item = EventJson.mapper().createObjectNode().put("eventId", "e1");
        item.set("properties", properties);
        return item;
    }

    @Test
    void anItemOverTheByteLimitIsNamedByItsIndexAndWhitespaceDoesNotCount() throws Exception {
        JsonNode small = json("{\"eventId\":   \"e1\"   }");
        JsonNode big = json("{\"eventId\":\"" + "x".repeat(1000) + "\"}");
        assertThat(limits.oversizedItems(List.of(small, big, small), true))
                .extracting(FieldError::field).containsExactly("/1");
        assertThat(limits.oversizedItems(List.of(big), false)).extracting(FieldError::field).containsExactly("");
        assertThat(limits.oversizedItems(List.of(small), false)).isEmpty();
    }

    @Test
    void propertiesWithinEveryLimitPass() throws Exception {
        JsonNode item = withProperties(json("""
                {"campaign":"q4","score":3,"tags":["a","b"],"utm":{"source":"mail","deep":{"er":{"est":"ok"}}},
                 "note":"%s"}""".formatted("é".repeat(TouchpointLimits.MAX_PROPERTY_VALUE_CHARS))));
        assertThat(limits.propertyErrors(item, "/2")).isEmpty();
    }

    @Test
    void anOverlongValueIsNamedWhereverItIs() throws Exception {
        String tooLong = "x".repeat(TouchpointLimits.MAX_PROPERTY_VALUE_CHARS + 1);
        JsonNode item = withProperties(json("""
                {"note":"%1$s","utm":{"a/b":"%1$s"},"tags":["ok","%1$s"]}""".formatted(tooLong)));
        assertThat(limits.propertyErrors(item, "/4")).extracting(FieldError::field)
                .containsExactlyInAnyOrder("/4/properties/note", "/4/properties/utm/a~1b", "/4/properties/tags/1");
    }

    @Test
    void nestingDeeperThanTheLimitIsNamedAtTheFirstLevelTooDeep() throws Exception {
        JsonNode fiveLevels = withProperties(json("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}"));
        assertThat(limits.propertyErrors(fiveLevels, "")).isEmpty();
        JsonNode sixLevels = withProperties(json("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}"));
        assertThat(limits.propertyErrors(sixLevels, "")).extracting(FieldError::field)
                .containsExactly("/properties/a/b/c/d/e");
        JsonNode arrays = withProperties(json("{\"a\":[[[[[1]]]]]}"));
        assertThat(limits.propertyErrors(arrays, "")).extracting(FieldError::field)
                .containsExactly("/properties/a/0/0/0/0");
    }

    @Test
    void nestedPropertiesCountTowardsTheLimit() throws Exception {
        ObjectNode properties = EventJson.mapper().createObjectNode();
        ObjectNode nested = properties.putObject("nested");
        for (int i = 0; i < TouchpointLimits.MAX_PROPERTIES - 1; i++) {
            nested.put("p" + i, i);
        }
        assertThat(limits.propertyErrors(withProperties(properties), "")).isEmpty();
        nested.put("one-more", 1);
        assertThat(limits.propertyErrors(withProperties(properties), "")).extracting(FieldError::field)
                .containsExactly("/properties");
    }

    @Test
    void absentOrMistypedPropertiesAreLeftToTheSchema() throws Exception {
        assertThat(limits.propertyErrors(json("{\"eventId\":\"e1\"}"), "")).isEmpty();
        assertThat(limits.propertyErrors(json("{\"properties\":\"" + "x".repeat(5000) + "\"}"), "")).isEmpty();
    }
}
