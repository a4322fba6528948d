package dev.tandem.model;

import static dev.tandem.model.Touchpoints.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.events.AccountSnapshotV1.Explanation;
import dev.tandem.events.AccountSnapshotV1.JourneyProgress;
import dev.tandem.events.AccountSnapshotV1.StageVisit;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.DealClosed;
import dev.tandem.events.JourneyEventV1.MomentumShifted;
import dev.tandem.events.JourneyEventV1.StageEntered;
import dev.tandem.events.JourneyEventV1.StageExited;
import dev.tandem.events.JourneyEventV1.StallCleared;
import dev.tandem.events.JourneyEventV1.StallDetected;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.InteractionOwner;
import dev.tandem.model.journey.InteractionPoint;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.Stage;
import dev.tandem.model.journey.StageEvaluator;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.journey.StallReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's scenarios on the aggregate itself: given an account's history on a journey (touchpoints and ticks of
 * the clock), then these journey events, this stage, these stalls and these explanations.
 */
class AccountJourneyScenariosTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();

    @Test
    void aChampionOnlyAccountStaysLowAndStallsNamingTheSilentRoleAndWhatWouldUnblockIt() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().contact("dana", "Director of Operations")
                .touch(0, "dana", "content.downloaded")
                .touch(4, "dana", "webinar.attended")
                .touch(9, "dana", "pricing.viewed")
                .touch(15, "dana", "content.shared")
                .touch(20, "dana", "webinar.attended");

        // however busy, one person's momentum stays under the solo cap (30% + 70% × ¼ of 100)
        assertThat(story.all(MomentumShifted.class)).extracting(MomentumShifted::momentum)
                .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(47));
        assertThat(story.progress().stageKey()).isEqualTo("solution_exploration");
        assertThat(story.all(StageEntered.class)).extracting(StageEntered::stageKey)
                .containsExactly("solution_exploration");
        assertThat(story.all(StallDetected.class)).isEmpty();

        // the technical evaluator the stage requires has had 21 days to show up since day 0: not yet a stall at 21
        assertThat(story.tick(21).lastStep()).isEmpty();
        StallDetected stall = story.tick(22).lastStep(StallDetected.class).get(0);

        assertThat(stall.stageKey()).isEqualTo("solution_exploration");
        assertThat(stall.reasons()).containsExactly(StallReason.REQUIRED_ROLE_SILENT);
        assertThat(stall.silentRoles()).containsExactly(CommitteeRole.TECHNICAL_EVALUATOR);
        assertThat(stall.unblockWith()).containsExactly(new InteractionPoint(CommitteeRole.TECHNICAL_EVALUATOR,
                "content.downloaded", InteractionOwner.MARKETING, "an architecture overview and integration guide"));
        assertThat(stall.since()).isEqualTo(day(21));
        assertThat(stall.explanation()).isEqualTo("Technical evaluator silent for 22 days in Solution exploration;"
                + " try: content.downloaded (marketing) — an architecture overview and integration guide");
        JourneyEventV1 event = story.lastStep().get(0);
        assertThat(event.occurredAt()).as("a tick's fact happens at the clock's time").isEqualTo(day(22));
        assertThat(event.causedBy()).as("no touchpoint caused it: time did").isEmpty();

        JourneyProgress progress = story.progress();
        assertThat(progress.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.silentRoles()).containsExactly(CommitteeRole.TECHNICAL_EVALUATOR);
            assertThat(alert.explanation()).isEqualTo(stall.explanation());
        });
        assertThat(progress.trend()).isEqualTo(Trend.STALLED);
        assertThat(story.tick(23).lastStep()).as("the same stall is not reported twice").isEmpty();
    }

    @Test
    void aBroadCommitteeAdvancesStageByStageAndKeepsTheStageHistoryWithDwellTimes() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee().walksToDecision();

        assertThat(story.all(StageEntered.class))
                .extracting(StageEntered::previousStageKey, StageEntered::stageKey)
                .containsExactly(
                        tuple(null, "problem_identification"),
                        tuple("problem_identification", "solution_exploration"),
                        tuple("solution_exploration", "requirements_building"),
                        tuple("requirements_building", "supplier_selection"),
                        tuple("supplier_selection", "validation"),
                        tuple("validation", "consensus"),
                        tuple("consensus", "decision"));
        assertThat(story.all(StageExited.class))
                .extracting(StageExited::stageKey, StageExited::dwellSeconds, StageExited::nextStageKey)
                .containsExactly(
                        tuple("problem_identification", 2 * DAY, "solution_exploration"),
                        tuple("solution_exploration", 5 * DAY, "requirements_building"),
                        tuple("requirements_building", 4 * DAY, "supplier_selection"),
                        tuple("supplier_selection", 3 * DAY, "validation"),
                        tuple("validation", 6 * DAY, "consensus"),
                        tuple("consensus", 5 * DAY, "decision"));
        // the momentum column of docs/journeys.md's worked example
        assertThat(story.all(MomentumShifted.class)).extracting(MomentumShifted::momentum)
                .containsExactly(1, 10, 21, 33, 40, 55, 63, 80, 83, 85, 82);

        JourneyProgress progress = story.progress();
        assertThat(progress.stageKey()).isEqualTo("decision");
        assertThat(progress.stageName()).isEqualTo("Decision");
        assertThat(progress.stageEnteredAt()).isEqualTo(day(25));
        assertThat(progress.stageHistory()).extracting(StageVisit::stageKey, StageVisit::enteredAt,
                StageVisit::exitedAt).containsExactly(
                        tuple("problem_identification", day(0), day(2)),
                        tuple("solution_exploration", day(2), day(7)),
                        tuple("requirements_building", day(7), day(11)),
                        tuple("supplier_selection", day(11), day(14)),
                        tuple("validation", day(14), day(20)),
                        tuple("consensus", day(20), day(25)),
                        tuple("decision", day(25), null));
        assertThat(progress.alerts()).isEmpty();

        StageEntered decision = story.all(StageEntered.class).get(6);
        assertThat(decision.journeyId()).isEqualTo("default");
        assertThat(decision.journeyVersion()).isEqualTo(1);
        assertThat(decision.criteria()).extracting(CriterionResult::stageKey).containsExactly(
                "problem_identification", "solution_exploration", "requirements_building", "supplier_selection",
                "validation", "consensus", "decision");
        assertThat(decision.criteria()).allSatisfy(c -> assertThat(c.satisfied()).isTrue());
        assertThat(decision.explanation()).isEqualTo("Moved to Decision: its entry criteria hold (momentum >= 30"
                + " && 'proposal.viewed' in types && 'contract.sent' in types).");
    }

    @Test
    void anEconomicBuyerSilentInTheDecisionStageRaisesAStallNamingThatRoleUntilItComesBack() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee().walksToDecision()
                // everybody keeps working, except the CFO, quiet since the proposal on day 20
                .touch(30, "pat", "proposal.viewed")
                .touch(36, "dana", "content.shared")
                .touch(42, "pat", "call.connected")
                .touch(48, "tom", "meeting.held")
                .touch(54, "dana", "email.replied");
        assertThat(story.all(StallDetected.class)).as("the CFO is still engaged on day 54").isEmpty();

        // the CFO's engagement (3.0 on day 11, 4.0 on day 20) falls below 1.0 during day 56
        story.touch(58, "pat", "meeting.held");

        assertThat(story.progress().stageKey()).isEqualTo("decision");
        StallDetected stall = story.lastStep(StallDetected.class).get(0);
        assertThat(stall.reasons()).containsExactly(StallReason.REQUIRED_ROLE_SILENT);
        assertThat(stall.silentRoles()).containsExactly(CommitteeRole.ECONOMIC_BUYER);
        assertThat(stall.unblockWith()).extracting(InteractionPoint::touchpointType, InteractionPoint::owner)
                .containsExactly(tuple("meeting.held", InteractionOwner.SALES));
        assertThat(stall.since()).as("quiet counted from the stage entry (day 25), plus 14 days").isEqualTo(day(39));
        assertThat(stall.explanation()).isEqualTo(
                "Economic buyer silent for 33 days in Decision; try: meeting.held (sales) — business case review");
        assertThat(story.lastStep()).allSatisfy(e -> assertThat(e.causedBy()).containsExactly(
                story.lastTouchpointId()));

        assertThat(story.tick(60).lastStep()).as("still the same stall at the next tick").isEmpty();
        assertThat(story.progress().alerts()).singleElement().extracting(Stall::silentRoles)
                .isEqualTo(List.of(CommitteeRole.ECONOMIC_BUYER));
        assertThat(story.progress().trend()).isEqualTo(Trend.STALLED);

        // the seller books the business case review the stall suggested
        story.touch(61, "cfo", "meeting.held");

        StallCleared cleared = story.lastStep(StallCleared.class).get(0);
        assertThat(cleared.stageKey()).isEqualTo("decision");
        assertThat(cleared.stalledSince()).isEqualTo(day(39));
        assertThat(cleared.explanation()).isEqualTo("The committee moves again in Decision.");
        assertThat(story.progress().alerts()).isEmpty();
        assertThat(story.progress().trend()).isNotEqualTo(Trend.STALLED);
        assertThat(story.explanation("stall").text()).isEqualTo(cleared.explanation());
    }

    @Test
    void aNoDecisionTouchpointClosesTheJourneyAndLaterTouchpointsNoLongerMoveTheStage() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee().walksToDecision()
                .touch(30, null, "deal.no_decision");

        DealClosed closed = story.lastStep(DealClosed.class).get(0);
        int momentum = story.journey().momentum();
        assertThat(closed).isEqualTo(new DealClosed(DealOutcome.NO_DECISION, "decision", momentum,
                "Closed no decision in Decision at momentum " + momentum + "."));
        assertThat(story.lastStep()).last().extracting(JourneyEventV1::data).isEqualTo(closed);
        JourneyProgress atClose = story.progress();
        assertThat(atClose.outcome()).isEqualTo(DealOutcome.NO_DECISION);
        assertThat(atClose.closedAt()).isEqualTo(day(30));
        assertThat(atClose.trend()).isEqualTo(Trend.STEADY);
        assertThat(atClose.alerts()).isEmpty();

        // the committee goes on (or goes cold): touchpoints still count, but the journey stays where it closed
        story.touch(31, "cfo", "meeting.held")
                .touch(90, "dana", "web.visited") // long after: the facts would put it back in an early stage
                .touch(95, null, "deal.won") // a second outcome does not reopen or re-close it
                .tick(200);

        List<JourneyEventV1> afterClose = story.events().subList(story.events().indexOf(
                story.events().stream().filter(e -> e.data() instanceof DealClosed).findFirst().orElseThrow()) + 1,
                story.events().size());
        assertThat(afterClose).extracting(JourneyEventV1::type)
                .containsOnly("TouchpointRecorded", "MomentumShifted");
        JourneyProgress later = story.progress();
        assertThat(later.stageKey()).isEqualTo("decision");
        assertThat(later.stageHistory()).isEqualTo(atClose.stageHistory());
        assertThat(later.outcome()).isEqualTo(DealOutcome.NO_DECISION);
        assertThat(later.closedAt()).isEqualTo(day(30));
        assertThat(later.alerts()).isEmpty();
        assertThat(story.snapshot().touchpointCount()).isEqualTo(15);
        assertThat(story.explanation("outcome").text()).isEqualTo(closed.explanation());
    }

    @Test
    void onTheDefaultJourneyAnAccountThatWentColdFallsBackWithTheNextTouchpoint() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee().walksToDecision()
                // five weeks of silence, then a glance: engagement has decayed, the accumulated types remain
                .touch(60, "dana", "web.visited");

        StageExited exited = story.lastStep(StageExited.class).get(0);
        StageEntered entered = story.lastStep(StageEntered.class).get(0);
        assertThat(exited.stageKey()).isEqualTo("decision");
        assertThat(exited.dwellSeconds()).isEqualTo(35 * DAY);
        assertThat(entered.previousStageKey()).isEqualTo("decision");
        assertThat(entered.stageKey()).isEqualTo(exited.nextStageKey()).isEqualTo("requirements_building");
        assertThat(entered.criteria()).filteredOn(CriterionResult::satisfied).extracting(CriterionResult::stageKey)
                .containsExactly("problem_identification", "solution_exploration", "requirements_building");
        assertThat(entered.explanation()).startsWith("Moved to Requirements building: its entry criteria hold");
        assertThat(story.progress().stageHistory()).extracting(StageVisit::stageKey, StageVisit::enteredAt,
                StageVisit::exitedAt).endsWith(
                        tuple("decision", day(25), day(60)),
                        tuple("requirements_building", day(60), null));
    }

    /*
     * Two clocks (issue 6): the clock derives what depends on now (stalls, with engagement decayed to now) and
     * never rewrites canonical history, so an account nobody touches any more stays in the stage its touchpoints
     * put it in and is reported stalled; the next touchpoint re-evaluates the stage in event time (compare the
     * previous test: one glance on day 60 and it falls back at once).
     */
    @Test
    void anAccountNobodyTouchesAnyMoreStallsWithTheClockButKeepsItsStage() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee().walksToDecision();
        int stagesEntered = story.all(StageEntered.class).size();
        for (int day = 26; day <= 52; day++) {
            story.tick(day);
        }

        assertThat(story.all(StallDetected.class)).extracting(StallDetected::since).contains(day(34));
        assertThat(story.progress().stageKey()).isEqualTo("decision");
        assertThat(story.all(StageEntered.class)).hasSize(stagesEntered);
        assertThat(story.progress().stageHistory()).allSatisfy(visit -> assertThat(visit.exitedAt() == null
                || !visit.exitedAt().isBefore(visit.enteredAt())).isTrue());
    }

    @Test
    void onACustomJourneyTheAccountRegressesWhenItsFactsFallBackAndReturnsWhenTheyHoldAgain() {
        JourneyStory story = JourneyStory.on(pilotJourney())
                .contact("dana", "Director of Operations").contact("tom", "Enterprise Architect")
                .touch(0, "dana", "demo.requested") // momentum 18: interested
                .touch(1, "tom", "content.downloaded") // two roles engaged, momentum 36: evaluating
                .touch(40, "dana", "web.visited") // engagement decayed: interested again
                .touch(41, "tom", "demo.requested")
                .touch(41, "dana", "demo.requested"); // evaluating again

        assertThat(story.all(MomentumShifted.class)).extracting(MomentumShifted::momentum).startsWith(18, 36);
        assertThat(story.all(StageEntered.class)).extracting(StageEntered::stageKey)
                .containsExactly("interested", "evaluating", "interested", "evaluating");
        assertThat(story.all(StageExited.class)).extracting(StageExited::stageKey, StageExited::dwellSeconds)
                .containsExactly(tuple("interested", 1 * DAY), tuple("evaluating", 39 * DAY),
                        tuple("interested", 1 * DAY));
        StageEntered regression = story.all(StageEntered.class).get(2);
        assertThat(regression.journeyId()).isEqualTo("pilot");
        assertThat(regression.journeyVersion()).isEqualTo(3);
        assertThat(regression.criteria()).containsExactly(
                CriterionResult.of("interested", "touchpoints > 0", true),
                CriterionResult.of("evaluating", "momentum >= 20 && 'demo.requested' in types", false));
        assertThat(regression.explanation()).isEqualTo("Moved to Interested: its entry criteria hold (touchpoints > 0).");
        assertThat(story.progress().stageHistory()).extracting(StageVisit::stageKey)
                .containsExactly("interested", "evaluating", "interested", "evaluating");
        assertThat(story.progress().journeyId()).isEqualTo("pilot");
        assertThat(story.progress().journeyVersion()).isEqualTo(3);
    }

    /** The champion-only account of the first scenario, stalled by the clock on day 22. */
    static JourneyStory stalledChampionOnlyAccount() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().contact("dana", "Director of Operations")
                .contact("tom", "Enterprise Architect")
                .touch(0, "dana", "content.downloaded")
                .touch(4, "dana", "webinar.attended")
                .touch(9, "dana", "pricing.viewed")
                .touch(15, "dana", "content.shared")
                .touch(20, "dana", "webinar.attended")
                .tick(22);
        assertThat(story.progress().alerts()).hasSize(1);
        return story;
    }

    /*
     * Regression (fixed): when a stage change ends a stall, JourneyProgression.enterStage emits StallCleared but does not update
     * the "stall" explanation, so the snapshot goes on explaining a stall that is over (the other way a stall
     * ends, in evaluate, does update it).
     */

    static JourneyContext pilotJourney() {
        JourneyDefinition definition = new JourneyDefinition(Touchpoints.TENANT, "pilot", 3, JourneyStatus.PUBLISHED,
                "Pilot programme", Duration.ofDays(14),
                List.of(CommitteeRole.CHAMPION, CommitteeRole.TECHNICAL_EVALUATOR),
                List.of(new Stage("interested", "Interested", "Someone looked at the pilot offer.",
                                "touchpoints > 0", Duration.ofDays(10), List.of(CommitteeRole.CHAMPION),
                                List.of(new InteractionPoint(CommitteeRole.CHAMPION, "demo.requested",
                                        InteractionOwner.MARKETING, "a pilot demo"))),
                        new Stage("evaluating", "Evaluating", "Champion and evaluator try the pilot.",
                                "momentum >= 20 && 'demo.requested' in types", Duration.ofDays(10),
                                List.of(CommitteeRole.CHAMPION, CommitteeRole.TECHNICAL_EVALUATOR),
                                List.of(new InteractionPoint(CommitteeRole.TECHNICAL_EVALUATOR, "trial.started",
                                        InteractionOwner.SALES, "pilot success criteria")))));
        return JourneyContext.of(definition, StageEvaluator.compile(definition), RoleInference.defaults());
    }
}
