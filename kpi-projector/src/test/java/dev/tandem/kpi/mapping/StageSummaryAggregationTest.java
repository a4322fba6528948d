package dev.tandem.kpi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import dev.tandem.kpi.service.StageSummary;
import dev.tandem.model.DealOutcome;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class StageSummaryAggregationTest {

    private static String render(List<Bson> pipeline) {
        return pipeline.stream()
                .map(stage -> stage.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
                        .toJson())
                .toList().toString();
    }

    @Test
    void everyPipelineStaysInTheTenantAndUsesOnlyMatchUnwindAndGroup() {
        for (List<Bson> pipeline : List.of(StageSummaryAggregation.openByStage("t1"),
                StageSummaryAggregation.stageTotals("t1"), StageSummaryAggregation.conversions("t1"),
                StageSummaryAggregation.outcomes("t1"), StageSummaryAggregation.stalled("t1"))) {
            String json = render(pipeline);
            assertThat(json).startsWith("[{\"$match\": {").contains("\"tenantId\": \"t1\"");
            assertThat(json).doesNotContain("\"$facet\"", "\"$cond\"", "\"$text\"", "\"$lookup\"");
        }
        assertThat(render(StageSummaryAggregation.openByStage("t1"))).contains("\"outcome\": {\"$exists\": false}")
                .contains("\"_id\": \"$stageKey\"");
        assertThat(render(StageSummaryAggregation.conversions("t1"))).contains("{\"$unwind\": \"$stageTransitions\"}")
                .contains("\"_id\": {\"from\": \"$stageTransitions.from\", \"to\": \"$stageTransitions.to\"}");
        assertThat(render(StageSummaryAggregation.stageTotals("t1")))
                .contains("\"dwellSeconds\": {\"$sum\": \"$stages.dwellSeconds\"}");
    }

    @Test
    void noRowsGiveTheEmptySummary() {
        assertThat(StageSummaryAggregation.fromResults(List.of(), List.of(), List.of(), List.of(), List.of()))
                .isEqualTo(StageSummary.empty());
    }

    @Test
    void readsTheRowsWhateverNumberTypeAndSkipsRowsWithoutKey() {
        StageSummary summary = StageSummaryAggregation.fromResults(
                List.of(new Document("_id", "selection").append("accounts", 2),
                        new Document("_id", null).append("accounts", 7)),
                List.of(new Document("_id", "selection").append("entries", 3L).append("exits", 1)
                        .append("dwellSeconds", 172_800L)),
                List.of(new Document("_id", new Document("from", "exploration").append("to", "selection"))
                        .append("accounts", 2)),
                List.of(new Document("_id", "no_decision").append("accounts", 1),
                        new Document("_id", "lost").append("accounts", 3L),
                        new Document("_id", "sideways").append("accounts", 9)),
                List.of(new Document("_id", null).append("accounts", 4)));

        assertThat(summary.accountsByStage()).containsExactly(Map.entry("selection", 2L));
        assertThat(summary.averageDaysInStage()).containsExactly(Map.entry("selection", 2.0));
        assertThat(summary.stageConversion()).containsExactly(new StageSummary.Conversion("exploration", "selection",
                2));
        assertThat(summary.outcomes()).containsEntry(DealOutcome.NO_DECISION, 1L).containsEntry(DealOutcome.LOST, 3L)
                .containsEntry(DealOutcome.WON, 0L);
        assertThat(summary.noDecisionRate()).isEqualTo(0.25);
        assertThat(summary.stalledAccounts()).isEqualTo(4);
    }
}
