package dev.tandem.launcher.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import org.junit.jupiter.api.Test;

class BatchAnswerTest {

    @Test
    void itemsAreTakenByIndexAndAMissingOneCountsAsRejected() throws Exception {
        BatchAnswer answer = BatchAnswer.ofItems(EventJson.mapper().readTree("""
                {"accepted":1,"items":[{"index":0,"status":"accepted"},
                 {"index":2,"status":"rejected","reason":"schema","errors":[{"field":"/2/type","message":"x"}]}]}"""),
                3);
        assertThat(answer.items()).extracting(BatchAnswer.Item::status)
                .containsExactly("accepted", "rejected", "rejected");
        assertThat(answer.items().get(1).reason()).isEqualTo("unanswered");
        assertThat(answer.count("accepted")).isEqualTo(1);
    }

    @Test
    void aProblemGivesEachErrorToTheItemItsPointerNames() throws Exception {
        BatchAnswer answer = BatchAnswer.allRejected(EventJson.mapper().readTree("""
                {"status":400,"errors":[{"field":"/batch/1/event","message":"unknown"},
                 {"field":"/batch/0/timestamp","message":"bad"},{"field":"","message":"all"}]}"""), 2, "/batch",
                "invalid");
        assertThat(answer.items().get(0).errors()).extracting(e -> e.path("field").asText())
                .containsExactly("/batch/0/timestamp", "");
        assertThat(answer.items().get(1).errors()).extracting(e -> e.path("field").asText())
                .containsExactly("/batch/1/event", "");
        assertThat(answer.count("rejected")).isEqualTo(2);
    }

    @Test
    void formatsAreToldByTheirFields() throws Exception {
        assertThat(RecordFormat.of(EventJson.mapper().readTree("{\"specversion\":\"1.0\",\"id\":\"1\"}")))
                .isEqualTo(RecordFormat.CLOUDEVENTS);
        assertThat(RecordFormat.of(EventJson.mapper().readTree("{\"type\":\"track\",\"event\":\"Demo\"}")))
                .isEqualTo(RecordFormat.SEGMENT);
        assertThat(RecordFormat.of(EventJson.mapper().readTree("{\"type\":\"webinar.attended\",\"eventId\":\"1\"}")))
                .isEqualTo(RecordFormat.NATIVE);
        assertThat(RecordFormat.SEGMENT.body(java.util.List.of(EventJson.mapper().readTree("{}"))).has("batch"))
                .isTrue();
    }
}
