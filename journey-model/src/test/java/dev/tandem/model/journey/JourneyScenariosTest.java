package dev.tandem.model.journey;

import static dev.tandem.model.CommitteeRole.CHAMPION;
import static dev.tandem.model.CommitteeRole.ECONOMIC_BUYER;
import static dev.tandem.model.CommitteeRole.END_USER;
import static dev.tandem.model.CommitteeRole.LEGAL_SECURITY;
import static dev.tandem.model.CommitteeRole.PROCUREMENT;
import static dev.tandem.model.CommitteeRole.TECHNICAL_EVALUATOR;
import static dev.tandem.model.journey.CommitteeTimeline.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Given an account's history on the default journey, then this stage and these stalls. */
class JourneyScenariosTest {

    private static final StageEvaluator DEFAULT = StageEvaluator.compile(DefaultJourney.definition("t1"));

    @Test
    void aChampionOnlyAccountStaysEarlyAndStallsNamingTheSilentRoles() {
        CommitteeTimeline timeline = new CommitteeTimeline().member("dana", CHAMPION)
                .touch(0, "dana", "content.downloaded")
                .touch(4, "dana", "webinar.attended")
                .touch(9, "dana", "pricing.viewed")
                .touch(15, "dana", "content.shared")
                .touch(20, "dana", "webinar.attended");

        Walk walk = walk(timeline, 25);

        assertThat(walk.visited()).containsExactly("solution_exploration");
        assertThat(timeline.factsAt(25).momentum()).isLessThan(48); // one role: breadth caps it low
        assertThat(stallAt(timeline, walk, 20)).isEmpty();
        Stall stall = stallAt(timeline, walk, 22).orElseThrow();
        assertThat(stall.reasons()).containsExactly(StallReason.REQUIRED_ROLE_SILENT);
        assertThat(stall.silentRoles()).containsExactly(TECHNICAL_EVALUATOR);
        assertThat(stall.since()).isEqualTo(day(21));
        assertThat(stall.explanation()).isEqualTo("Technical evaluator silent for 22 days in Solution exploration;"
                + " try: content.downloaded (marketing) — an architecture overview and integration guide");
    }

    @Test
    void aBroadCommitteeAdvancesStageByStageAsTypesAndRolesAccumulate() {
        CommitteeTimeline timeline = broadCommittee();

        Walk walk = walk(timeline, 26);

        assertThat(walk.visited()).containsExactly("problem_identification", "solution_exploration",
                "requirements_building", "supplier_selection", "validation", "consensus", "decision");
        StageEvaluation atDecision = DEFAULT.evaluate(timeline.factsAt(26));
        assertThat(atDecision.criterionOfStage().expression()).contains("'contract.sent' in types");
        assertThat(atDecision.criteria()).allSatisfy(c -> assertThat(c.satisfied()).isTrue());
        assertThat(stallAt(timeline, walk, 26)).isEmpty();
    }

    @Test
    void anEconomicBuyerSilentInTheDecisionStageRaisesAStallNamingThatRole() {
        CommitteeTimeline timeline = broadCommittee()
                .touch(30, "pat", "proposal.viewed")
                .touch(36, "dana", "content.shared")
                .touch(42, "pat", "call.connected")
                .touch(48, "tom", "meeting.held")
                .touch(54, "dana", "email.replied")
                .touch(58, "pat", "meeting.held");

        Walk walk = walk(timeline, 60);

        assertThat(walk.stageAt(60)).isEqualTo("decision");
        assertThat(timeline.factsAt(60).engagedRoles()).doesNotContain("economic_buyer");
        Stall stall = stallAt(timeline, walk, 60).orElseThrow();
        assertThat(stall.reasons()).containsExactly(StallReason.REQUIRED_ROLE_SILENT);
        assertThat(stall.silentRoles()).containsExactly(ECONOMIC_BUYER);
        assertThat(stall.unblockWith()).extracting(InteractionPoint::touchpointType).containsExactly("meeting.held");
        assertThat(stall.explanation()).isEqualTo(
                "Economic buyer silent for 35 days in Decision; try: meeting.held (sales) — business case review");
    }

    @Test
    void anAccountFallsBackWhenItsFactsNoLongerSupportItsStage() {
        CommitteeTimeline timeline = broadCommittee();

        Walk walk = walk(timeline, 120);

        assertThat(walk.stageAt(26)).isEqualTo("decision");
        assertThat(walk.stageAt(120)).isEqualTo("problem_identification");
        assertThat(walk.visited().subList(6, walk.visited().size()))
                .startsWith("decision").contains("solution_exploration");
        StageEvaluation cold = DEFAULT.evaluate(timeline.factsAt(120));
        assertThat(cold.criteria()).filteredOn(CriterionResult::satisfied).extracting(CriterionResult::stageKey)
                .containsExactly("problem_identification");
        assertThat(stallAt(timeline, walk, 120).orElseThrow().reasons())
                .containsExactly(StallReason.NO_MEANINGFUL_TOUCHPOINT, StallReason.REQUIRED_ROLE_SILENT);
    }

    /** Seven people who each do what the default journey expects of them, over 25 days. */
    private static CommitteeTimeline broadCommittee() {
        return new CommitteeTimeline()
                .member("dana", CHAMPION).member("tom", TECHNICAL_EVALUATOR).member("eve", END_USER)
                .member("cfo", ECONOMIC_BUYER).member("lee", LEGAL_SECURITY).member("pat", PROCUREMENT)
                .touch(0, "dana", "web.visited")
                .touch(2, "dana", "content.downloaded")
                .touch(5, "tom", "content.downloaded")
                .touch(7, "tom", "demo.requested")
                .touch(10, "dana", "meeting.held")
                .touch(11, "cfo", "pricing.viewed")
                .touch(14, "tom", "trial.started")
                .touch(15, "eve", "webinar.attended")
                .touch(18, "lee", "security.review")
                .touch(20, "cfo", "proposal.viewed")
                .touch(25, "pat", "contract.sent");
    }

    /** The stages an account went through, evaluated daily and on every touchpoint, with when each began. */
    private record Walk(List<String> visited, List<Double> enteredOn) {
        String stageAt(double day) {
            int last = 0;
            for (int i = 0; i < enteredOn.size(); i++) {
                if (enteredOn.get(i) <= day) {
                    last = i;
                }
            }
            return visited.get(last);
        }

        Instant enteredAt(double day) {
            double entered = 0;
            for (Double on : enteredOn) {
                if (on <= day) {
                    entered = on;
                }
            }
            return day(entered);
        }
    }

    private static Walk walk(CommitteeTimeline timeline, double untilDay) {
        TreeSet<Double> days = new TreeSet<>(timeline.touchDays());
        for (int d = 0; d <= untilDay; d++) {
            days.add((double) d);
        }
        List<String> visited = new ArrayList<>();
        List<Double> enteredOn = new ArrayList<>();
        for (double d : days.headSet(untilDay, true)) {
            String stage = DEFAULT.evaluate(timeline.factsAt(d)).stageKey();
            if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(stage)) {
                visited.add(stage);
                enteredOn.add(d);
            }
        }
        return new Walk(visited, enteredOn);
    }

    private static Optional<Stall> stallAt(CommitteeTimeline timeline, Walk walk, double day) {
        Stage stage = DEFAULT.definition().stage(walk.stageAt(day)).orElseThrow();
        return StallDetector.detect(stage, walk.enteredAt(day), timeline.factsAt(day), timeline.activityAt(day),
                day(day));
    }
}
