package dev.tandem.designer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.designer.JourneyFixtures;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.designer.service.AccountJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountJourneyResponseTest {

    private static AccountJourney journey(AccountSnapshotV1.JourneyProgress progress, Instant asOf) {
        return new AccountJourney("acme", 3, 61, 4, null, List.of(), progress, asOf, null, null);
    }

    @Test
    void rolesAreWireNamesAndEngagementHasTwoDecimals() {
        AccountJourney journey = new AccountJourney("acme", 3, 61, 4, null, List.of(
                new AccountJourney.Member("c1", "Dana", "CFO", CommitteeRole.ECONOMIC_BUYER, RoleSource.ASSIGNED,
                        0.125, null),
                new AccountJourney.Member("c2", null, null, null, null, 2.0 / 3, null)), null, Instant.EPOCH, null, null);

        AccountJourneyResponse response = AccountJourneyResponse.of(journey);

        assertThat(response.committee().get(0).role()).isEqualTo("economic_buyer");
        assertThat(response.committee().get(0).roleSource()).isEqualTo("seller");
        assertThat(response.committee().get(0).engagement()).isEqualTo(0.13);
        assertThat(response.committee().get(1).engagement()).isEqualTo(0.67);
        assertThat(response.committee().get(1).role()).isNull();
        assertThat(response.version()).isEqualTo(3);
    }

    @Test
    void withoutJourneyTheJourneyFieldsAreNullOrEmpty() {
        AccountJourneyResponse response = AccountJourneyResponse.of(journey(null, Instant.EPOCH));
        assertThat(response.stage()).isNull();
        assertThat(response.journey()).isNull();
        assertThat(response.trend()).isNull();
        assertThat(response.outcome()).isNull();
        assertThat(response.closedAt()).isNull();
        assertThat(response.alerts()).isEmpty();
        assertThat(response.stageHistory()).isEmpty();
        assertThat(response.explanations()).isEmpty();
    }

    @Test
    void journeyProgressMapsToWireNamesWithDwellTimes() {
        AccountSnapshotV1.JourneyProgress progress =
                JourneyFixtures.progress("supplier_selection", Trend.ACCELERATING, true, null);
        Instant asOf = JourneyFixtures.ENTERED_SECOND.plusSeconds(2 * 86_400 + 3 * 3_600);

        AccountJourneyResponse response = AccountJourneyResponse.of(journey(progress, asOf));
        assertThat(response.asOf()).as("the instant the view is as of").isEqualTo(asOf);

        assertThat(response.stage()).isEqualTo(new JourneyViews.StageView("supplier_selection", "Supplier selection",
                JourneyFixtures.ENTERED_SECOND, 2.1));
        assertThat(response.journey()).isEqualTo(new JourneyViews.JourneyRef("default", 3));
        assertThat(response.trend()).isEqualTo("accelerating");
        assertThat(response.alerts()).containsExactly(new JourneyViews.AlertView("supplier_selection",
                List.of("no_meaningful_touchpoint", "required_role_silent"), List.of("economic_buyer"),
                List.of(new JourneyViews.InteractionPointView("economic_buyer", "meeting.held", "sales",
                        "business case review")),
                JourneyFixtures.STALLED_SINCE, "Stalled in Supplier selection: the economic buyer is silent."));
        assertThat(response.stageHistory())
                .extracting(JourneyViews.VisitView::stage, JourneyViews.VisitView::dwellDays)
                .containsExactly(tuple("problem_identification", 3.5), tuple("supplier_selection", 2.1));
        JourneyViews.ExplanationView stage = response.explanations().get(0);
        assertThat(stage.kind()).isEqualTo("stage");
        assertThat(stage.journeyVersion()).isEqualTo(3);
        assertThat(stage.causedBy()).containsExactly("tp-1", "tp-2");
        assertThat(stage.criteria()).containsExactly(
                new JourneyViews.CriterionView("supplier_selection", "counts['demo.requested'] > 0", true, null),
                new JourneyViews.CriterionView("validation", "bad(", false, "syntax error"));
        assertThat(response.outcome()).isNull();
    }

    @Test
    void aClosedJourneyStopsTheClockAtTheClose() {
        AccountSnapshotV1.JourneyProgress progress =
                JourneyFixtures.progress("supplier_selection", Trend.STEADY, false, DealOutcome.NO_DECISION);

        Instant muchLater = Instant.parse("2027-01-01T00:00:00Z");

        AccountJourneyResponse response = AccountJourneyResponse.of(journey(progress, muchLater));

        assertThat(response.outcome()).isEqualTo("no_decision");
        assertThat(response.closedAt()).isEqualTo(JourneyFixtures.CLOSED_AT);
        assertThat(response.stage().dwellDays()).isEqualTo(20.0);
        assertThat(response.alerts()).isEmpty();
    }
}
