package dev.tandem.kpi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.kpi.service.KpiSummary;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class KpiSummaryAggregationTest {

    private static BsonDocument render(Bson stage) {
        return stage.toBsonDocument(BsonDocument.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
    }

    @Test
    void matchesTheTenantThenSumsEverySourceAndRoleInOneGroup() {
        var pipeline = KpiSummaryAggregation.pipeline("t1");

        assertThat(pipeline).hasSize(2);
        assertThat(render(pipeline.get(0)).toJson()).contains("\"$match\"").contains("\"tenantId\": \"t1\"");
        BsonDocument group = render(pipeline.get(1)).getDocument("$group");
        assertThat(group.get("_id").isNull()).isTrue();
        assertThat(group.getDocument("source_marketing").getString("$sum").getValue())
                .isEqualTo("$touchpointsBySource.marketing");
        assertThat(group.getDocument("role_economic_buyer").getString("$sum").getValue())
                .isEqualTo("$membersByRole.economic_buyer");
        assertThat(group.getDocument("averageMomentum").getString("$avg").getValue()).isEqualTo("$momentum");
    }

    @Test
    void aTenantWithoutAccountsHasZerosEverywhere() {
        KpiSummary summary = KpiSummaryAggregation.fromResult(null);
        assertThat(summary.accountsTracked()).isZero();
        assertThat(summary.touchpointsBySource()).hasSize(TouchpointSource.values().length).doesNotContainValue(1L);
        assertThat(summary.committeeMembersByRole()).hasSize(CommitteeRole.values().length);
        assertThat(summary.averageMomentum()).isNull();
    }

    @Test
    void readsTheGroupsTotalsWhateverNumberTypeTheyCameAs() {
        KpiSummary summary = KpiSummaryAggregation.fromResult(new Document("accountsTracked", 3)
                .append("source_sales", 5L).append("role_champion", 2).append("averageMomentum", 41.5));
        assertThat(summary.accountsTracked()).isEqualTo(3);
        assertThat(summary.touchpointsBySource()).containsEntry(TouchpointSource.SALES, 5L)
                .containsEntry(TouchpointSource.MARKETING, 0L);
        assertThat(summary.committeeMembersByRole()).containsEntry(CommitteeRole.CHAMPION, 2L);
        assertThat(summary.averageMomentum()).isEqualTo(41.5);
    }
}
