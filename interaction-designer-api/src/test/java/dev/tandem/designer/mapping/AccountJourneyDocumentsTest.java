package dev.tandem.designer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.designer.JourneyFixtures;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AccountJourneyDocumentsTest {

    private static final Instant LAST = Instant.parse("2026-11-20T10:15:30Z");

    private static final long TOUCHPOINTS = 9;

    private static AccountSnapshotV1 snapshot(AccountSnapshotV1.JourneyProgress journey) {
        return new AccountSnapshotV1("t1", "acme", 7, 42, TOUCHPOINTS, Map.of("sales", TOUCHPOINTS), LAST,
                List.of(new AccountSnapshotV1.Member("c1", CommitteeRole.TECHNICAL_EVALUATOR, RoleSource.ASSIGNED,
                        1.75, 3, LAST)), journey, null);
    }

    @Test
    void aSnapshotSurvivesTheRoundTripThroughItsDocument() {
        Document fields = AccountJourneyDocuments.fieldsOf(snapshot(null), Instant.EPOCH);
        ProjectedJourney journey = AccountJourneyDocuments.fromDocument(fields);

        assertThat(fields.getString("tenantId")).isEqualTo("t1");
        assertThat(journey).isEqualTo(new ProjectedJourney("t1", "acme", 7, 42, 9, LAST,
                List.of(new ProjectedJourney.Member("c1", CommitteeRole.TECHNICAL_EVALUATOR, RoleSource.ASSIGNED,
                        1.75, LAST))));
        assertThat(journey.progress()).isNull();
        assertThat(AccountJourneyDocuments.idOf("t1", "acme")).isEqualTo("t1/acme");
    }

    @Test
    void fullJourneyProgressSurvivesTheRoundTripWithoutTheEnginesCounters() {
        AccountSnapshotV1.JourneyProgress progress =
                JourneyFixtures.progress("supplier_selection", Trend.SLOWING, true, DealOutcome.NO_DECISION);

        Document fields = AccountJourneyDocuments.fieldsOf(snapshot(progress), Instant.EPOCH);
        ProjectedJourney journey = AccountJourneyDocuments.fromDocument(fields);

        assertThat(journey.progress()).isEqualTo(progress);
        assertThat(journey.progress().alerts().get(0).unblockWith()).hasSize(1);
        assertThat(journey.progress().explanations().get(0).criteria().get(1).error()).isEqualTo("syntax error");
        Document stored = fields.get("journey", Document.class);
        assertThat(stored.getString("trend")).isEqualTo("slowing");
        assertThat(stored.getString("outcome")).isEqualTo("no_decision");
        assertThat(stored.keySet()).as("engine-internal counters stay out of the sellers' read model")
                .doesNotContain("typeCounts", "activity", "recentActivity", "sustainedActivity", "buyerInitiated");
        assertThat(fields.getString("stageKey")).isEqualTo("supplier_selection");
        assertThat(fields.getBoolean("stalled")).isTrue();
        assertThat(fields.getInteger("alertCount")).isEqualTo(1);
    }

    @Test
    void aSnapshotWithoutJourneyIsUnstalledWithoutStage() {
        Document fields = AccountJourneyDocuments.fieldsOf(snapshot(null), Instant.EPOCH);
        assertThat(fields.get("stageKey")).isNull();
        assertThat(fields.getBoolean("stalled")).isFalse();
        assertThat(fields.getInteger("alertCount")).isZero();
    }

    @Test
    void aListingReadsTheProjectedFieldsAndToleratesOldDocuments() {
        Document fields = AccountJourneyDocuments.fieldsOf(
                snapshot(JourneyFixtures.progress("consensus", Trend.STALLED, true, null)), Instant.EPOCH);
        assertThat(AccountJourneyDocuments.listingOf(fields))
                .isEqualTo(new AccountListing("acme", 42, "consensus", "Supplier selection", Trend.STALLED, 1,
                        TOUCHPOINTS, LAST));
        // the technical evaluator (engagement 1.75) covers the role; the default threshold applies without decay
        assertThat(fields.getList(AccountJourneyDocuments.ENGAGED_ROLES, String.class))
                .containsExactly("technical_evaluator");
        assertThat(AccountJourneyDocuments.listingOf(new Document("accountKey", "old").append("momentum", 7)))
                .isEqualTo(new AccountListing("old", 7, null, null, null, 0, 0, null));
    }

    @Test
    void anUnknownStoredEnumReadsAsNullRatherThanFailing() {
        assertThat(WireNames.parse(Trend.class, "sideways")).isNull();
        assertThat(WireNames.parse(DealOutcome.class, "no_decision")).isEqualTo(DealOutcome.NO_DECISION);
        assertThat(WireNames.of(CommitteeRole.LEGAL_SECURITY)).isEqualTo(CommitteeRole.LEGAL_SECURITY.wireName());
    }
}
