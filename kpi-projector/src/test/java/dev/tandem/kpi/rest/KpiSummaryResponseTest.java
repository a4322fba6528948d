package dev.tandem.kpi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.kpi.service.KpiReports;
import dev.tandem.kpi.service.KpiTotals;
import dev.tandem.kpi.service.KpiSummary;
import dev.tandem.kpi.service.StageSummary;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.TouchpointSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiSummaryResponseTest {

    @Test
    void usesWireNamesForEverySourceAndRoleAndRoundsTheAverage() {
        KpiSummaryResponse response = KpiSummaryResponse.of(new KpiSummary(2,
                Map.of(TouchpointSource.CUSTOMER_SUCCESS, 4L), Map.of(CommitteeRole.LEGAL_SECURITY, 1L), 100.0 / 3));

        assertThat(response.touchpointsBySource()).containsEntry("customer_success", 4L).containsEntry("sales", 0L)
                .hasSize(5);
        assertThat(response.committeeMembersByRole()).containsEntry("legal_security", 1L)
                .containsEntry("economic_buyer", 0L).hasSize(8);
        assertThat(response.averageMomentum()).isEqualTo(33.3);
    }

    @Test
    void aTenantWithoutAccountsGetsEveryFieldWithZeros() throws Exception {
        KpiSummaryResponse response = KpiSummaryResponse.of(KpiReports.summary(KpiTotals.of(Map.of())));

        JsonNode json = new ObjectMapper().valueToTree(response);

        assertThat(json.get("accountsTracked").asLong()).isZero();
        assertThat(json.get("accountsByStage").isObject()).isTrue();
        assertThat(json.get("accountsByStage").size()).isZero();
        assertThat(json.get("stalledAccounts").asLong()).isZero();
        assertThat(json.get("outcomes").toString()).isEqualTo("{\"won\":0,\"lost\":0,\"no_decision\":0}");
        assertThat(json.get("stageConversion").isArray()).isTrue();
        assertThat(json.get("stageConversion").size()).isZero();
        assertThat(json.get("averageDaysInStage").size()).isZero();
        assertThat(json.get("noDecisionRate").isNull()).isTrue();
        assertThat(json.get("averageMomentum").isNull()).isTrue();
    }

    @Test
    void journeyKpisUseWireNamesAndRoundedFigures() {
        StageSummary journey = StageSummary.of(Map.of("selection", 2L),
                Map.of("selection", new StageSummary.StageTotals(3, 3, 100_000)),
                List.of(new StageSummary.Conversion("exploration", "selection", 2)),
                Map.of(DealOutcome.NO_DECISION, 1L, DealOutcome.WON, 2L), 1);

        KpiSummaryResponse response = KpiSummaryResponse.of(KpiReports.summary(KpiTotals.of(Map.of()))
                .withJourney(journey));

        assertThat(response.accountsByStage()).containsExactly(Map.entry("selection", 2L));
        assertThat(response.averageDaysInStage()).containsExactly(Map.entry("selection", 0.4));
        assertThat(response.stageConversion()).containsExactly(
                new KpiSummaryResponse.Conversion("exploration", "selection", 2));
        assertThat(response.outcomes()).containsExactly(Map.entry("won", 2L), Map.entry("lost", 0L),
                Map.entry("no_decision", 1L));
        assertThat(response.noDecisionRate()).isEqualTo(0.333);
        assertThat(response.stalledAccounts()).isEqualTo(1);
    }
}
