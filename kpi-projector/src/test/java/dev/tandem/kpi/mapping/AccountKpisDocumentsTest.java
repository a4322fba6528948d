package dev.tandem.kpi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.service.StageKpis;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AccountKpisDocumentsTest {

    @Test
    void aStateSurvivesTheRoundTripWithEveryCountStored() {
        AccountKpis kpis = new AccountKpis("t1", "acme", 12, Map.of(TouchpointSource.SALES, 3L),
                Map.of("c1", CommitteeRole.CHAMPION, "c2", CommitteeRole.CHAMPION), 57);

        Document document = AccountKpisDocuments.toDocument(kpis, Instant.EPOCH);

        assertThat(document.getString("_id")).isEqualTo("t1/acme");
        assertThat(document.getString("tenantId")).isEqualTo("t1");
        assertThat(document.get("touchpointsBySource", Document.class))
                .containsEntry("sales", 3L).containsEntry("marketing", 0L).hasSize(TouchpointSource.values().length);
        assertThat(document.get("membersByRole", Document.class))
                .containsEntry("champion", 2L).containsEntry("blocker", 0L).hasSize(CommitteeRole.values().length);
        assertThat(AccountKpisDocuments.fromDocument(document)).isEqualTo(kpis);
    }

    @Test
    void anUnknownMomentumIsLeftOutSoAveragesSkipIt() {
        AccountKpis kpis = AccountKpis.untracked("t1", "acme");
        Document document = AccountKpisDocuments.toDocument(kpis, Instant.EPOCH);
        assertThat(document.containsKey("momentum")).isFalse();
        assertThat(AccountKpisDocuments.fromDocument(document).momentum()).isNull();
    }

    @Test
    void journeyKpisSurviveTheRoundTripWithStageKeysAsValues() {
        StageKpis journey = new StageKpis("selection",
                Map.of("exploration", new StageKpis.StageStats(1, 1, 3_600),
                        "selection", new StageKpis.StageStats(1, 0, 0)),
                Set.of(new StageKpis.Transition("exploration", "selection")), true, DealOutcome.NO_DECISION,
                Instant.parse("2026-11-20T10:00:00Z"));
        AccountKpis kpis = new AccountKpis("t1", "acme", 5, Map.of(), Map.of(), 40, journey);

        Document document = AccountKpisDocuments.toDocument(kpis, Instant.EPOCH);

        assertThat(document.getString("stageKey")).isEqualTo("selection");
        assertThat(document.getString("outcome")).isEqualTo("no_decision");
        assertThat(document.getBoolean("stalled")).isTrue();
        assertThat(document.getList("stages", Document.class)).extracting(stage -> stage.getString("stage"))
                .containsExactly("exploration", "selection");
        assertThat(document.getList("stageTransitions", Document.class).get(0))
                .isEqualTo(new Document("from", "exploration").append("to", "selection"));
        assertThat(AccountKpisDocuments.fromDocument(document)).isEqualTo(kpis);
    }

    @Test
    void anOpenJourneyHasNoOutcomeFieldSoTheSummaryCanTellOpenFromClosed() {
        Document document = AccountKpisDocuments.toDocument(AccountKpis.untracked("t1", "acme"), Instant.EPOCH);
        assertThat(document.containsKey("outcome")).isFalse();
        assertThat(document.containsKey("closedAt")).isFalse();
        assertThat(document.getBoolean("stalled")).isFalse();
        assertThat(AccountKpisDocuments.fromDocument(document).journey()).isEqualTo(StageKpis.none());
        assertThat(AccountKpisDocuments.fromDocument(new Document("tenantId", "t1").append("accountKey", "old"))
                .journey()).as("a document from before journeys").isEqualTo(StageKpis.none());
    }
}
