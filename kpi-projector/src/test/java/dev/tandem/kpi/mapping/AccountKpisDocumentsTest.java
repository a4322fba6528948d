package dev.tandem.kpi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.Map;
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
}
