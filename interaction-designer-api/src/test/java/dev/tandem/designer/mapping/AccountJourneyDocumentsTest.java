package dev.tandem.designer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AccountJourneyDocumentsTest {

    @Test
    void aSnapshotSurvivesTheRoundTripThroughItsDocument() {
        Instant last = Instant.parse("2026-11-20T10:15:30Z");
        AccountSnapshotV1 snapshot = new AccountSnapshotV1("t1", "acme", 7, 42, 9, Map.of("sales", 9L), last,
                List.of(new AccountSnapshotV1.Member("c1", CommitteeRole.TECHNICAL_EVALUATOR, RoleSource.ASSIGNED,
                        1.75, 3, last, null)));

        Document fields = AccountJourneyDocuments.fieldsOf(snapshot, Instant.EPOCH);
        ProjectedJourney journey = AccountJourneyDocuments.fromDocument(fields);

        assertThat(fields.getString("tenantId")).isEqualTo("t1");
        assertThat(journey).isEqualTo(new ProjectedJourney("t1", "acme", 7, 42, 9, last,
                List.of(new ProjectedJourney.Member("c1", CommitteeRole.TECHNICAL_EVALUATOR, RoleSource.ASSIGNED,
                        1.75))));
        assertThat(AccountJourneyDocuments.idOf("t1", "acme")).isEqualTo("t1/acme");
    }
}
