package dev.tandem.kpi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.kpi.service.KpiSummary;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
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
}
