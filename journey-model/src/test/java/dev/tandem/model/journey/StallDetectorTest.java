package dev.tandem.model.journey;

import static dev.tandem.model.CommitteeRole.CHAMPION;
import static dev.tandem.model.CommitteeRole.ECONOMIC_BUYER;
import static dev.tandem.model.CommitteeRole.PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StallDetectorTest {

    private static final Instant ENTERED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Stage DECISION = DefaultJourney.definition("t1").stage("decision").orElseThrow();

    @Test
    void aCommitteeTouchedWithinTheThresholdWithItsRolesEngagedIsNotStalled() {
        CommitteeActivity activity = new CommitteeActivity(days(10), Map.of(ECONOMIC_BUYER, days(10)));

        assertThat(StallDetector.detect(DECISION, ENTERED, engaged("economic_buyer", "procurement"), activity,
                days(20))).isEmpty();
    }

    @Test
    void nothingMeaningfulForLongerThanTheThresholdIsAStallThatOffersTheStagesInteractionPoints() {
        CommitteeActivity activity = new CommitteeActivity(days(2), Map.of(ECONOMIC_BUYER, days(2),
                PROCUREMENT, days(2)));

        Stall stall = StallDetector.detect(DECISION, ENTERED, engaged("economic_buyer", "procurement"), activity,
                days(20)).orElseThrow();

        assertThat(stall.reasons()).containsExactly(StallReason.NO_MEANINGFUL_TOUCHPOINT);
        assertThat(stall.silentRoles()).isEmpty();
        assertThat(stall.since()).isEqualTo(days(16));
        assertThat(stall.unblockWith()).hasSize(3);
        assertThat(stall.explanation()).startsWith(
                "No meaningful touchpoint for 18 days in Decision (stall threshold 14 days); try: meeting.held (sales)"
                        + " — business case review, proposal.viewed (sales)");
    }

    @Test
    void aRequiredRoleGetsTheThresholdToShowUpAfterTheStageBegins() {
        CommitteeActivity activity = new CommitteeActivity(days(13), Map.of(CHAMPION, days(13)));
        CommitteeFacts championOnly = engaged("champion");

        assertThat(StallDetector.detect(DECISION, ENTERED, championOnly, activity, days(14))).isEmpty();
        Stall stall = StallDetector.detect(DECISION, ENTERED, championOnly, activity, days(15)).orElseThrow();
        assertThat(stall.silentRoles()).containsExactly(ECONOMIC_BUYER, PROCUREMENT);
        assertThat(stall.since()).isEqualTo(days(14));
        assertThat(stall.explanation()).isEqualTo("Economic buyer silent for 15 days in Decision; try: meeting.held"
                + " (sales) — business case review. Procurement silent for 15 days in Decision; try: proposal.viewed"
                + " (sales) — commercial terms and a mutual close plan");
    }

    @Test
    void aSilentRoleWithNoInteractionPointSaysSo() {
        Stage stage = new Stage("pilot", "Pilot", null, "true", Duration.ofDays(7), List.of(CommitteeRole.BLOCKER),
                List.of());
        CommitteeActivity activity = new CommitteeActivity(days(8), Map.of());

        Stall stall = StallDetector.detect(stage, ENTERED, engaged(), activity, days(9)).orElseThrow();

        assertThat(stall.explanation()).isEqualTo(
                "Blocker silent for 9 days in Pilot; no interaction point is designed for it yet");
    }

    private static Instant days(int days) {
        return ENTERED.plus(Duration.ofDays(days));
    }

    private static CommitteeFacts engaged(String... roles) {
        return new CommitteeFacts(40, 10, List.of(), Map.of(), roles.length, roles.length, List.of(roles), Map.of(),
                0, 5, 5, Map.of());
    }
}
