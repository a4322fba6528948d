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

/** Every change the engine makes is explained, and the explanations say what is true now. */
class AccountJourneyExplanationsTest {

    @Test
    void aStallThatEndsWithAMoveToTheNextStageIsExplainedAsOver() {
        JourneyStory story = AccountJourneyScenariosTest.stalledChampionOnlyAccount().touch(23, "tom", "demo.requested");

        assertThat(story.lastStep(StageEntered.class)).extracting(StageEntered::stageKey)
                .containsExactly("requirements_building");
        StallCleared cleared = story.lastStep(StallCleared.class).get(0);
        assertThat(cleared.explanation()).isEqualTo("The stall ended with the move to Requirements building.");
        assertThat(story.progress().alerts()).isEmpty();
        Explanation stall = story.explanation("stall");
        assertThat(stall.text()).isEqualTo(cleared.explanation());
        assertThat(stall.causedBy()).containsExactly(story.lastTouchpointId());
        assertThat(stall.at()).isEqualTo(day(23));
    }

    /*
     * Regression (fixed): JourneyProgression.close drops an active stall without a StallCleared event. The snapshot says there
     * is no alert any more, but a read model built from the journey events (kpi-projector's stall KPIs, the
     * seller's alerts) keeps the stall open forever: events and snapshots no longer describe the same state.
     */
    @Test
    void closingAStalledJourneyEndsTheStallInTheEventLogToo() {
        JourneyStory story = AccountJourneyScenariosTest.stalledChampionOnlyAccount().touch(23, null, "deal.lost");

        assertThat(story.lastStep(DealClosed.class)).extracting(DealClosed::outcome).containsExactly(DealOutcome.LOST);
        assertThat(story.progress().alerts()).isEmpty();
        assertThat(story.lastStep(StallCleared.class)).as("the stall's end, as an event")
                .singleElement().satisfies(cleared -> {
                    assertThat(cleared.stageKey()).isEqualTo("solution_exploration");
                    assertThat(cleared.stalledSince()).isEqualTo(day(21));
                });
        assertThat(story.explanation("stall").at()).isEqualTo(day(23));
    }

    @Test
    void everyStageChangeMomentumShiftAndStallIsExplainedWithTheJourneyVersionAndItsCause() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().withTheAcmeCommittee();
        Runnable check = () -> assertExplained(story, 1);

        story.touch(0, "dana", "web.visited");
        check.run();
        story.touch(2, "dana", "content.downloaded");
        check.run();
        story.touch(5, "tom", "content.downloaded");
        check.run();
        story.touch(7, "tom", "demo.requested");
        check.run();
        story.tick(30); // a stall found by the clock
        check.run();
        story.touch(31, "eve", "webinar.attended");
        check.run();
        story.touch(70, "dana", "web.visited"); // gone cold: a regression
        check.run();
        story.touch(71, null, "deal.lost");
        check.run();
        assertThat(story.events()).extracting(JourneyEventV1::type)
                .contains("StageEntered", "MomentumShifted", "StallDetected", "DealClosed");
        assertThat(story.progress().explanations()).extracting(Explanation::kind)
                .containsExactlyInAnyOrder("stage", "momentum", "stall", "outcome");

        // a custom journey's explanations name its own version
        JourneyStory pilot = JourneyStory.on(AccountJourneyScenariosTest.pilotJourney()).contact("dana", "Director of Operations")
                .touch(0, "dana", "demo.requested");
        assertExplained(pilot, 3);
    }

    /*
     * Regression (fixed): AccountJourney.apply writes the momentum explanation ("Momentum rose from 0 to 7 (trend steady).")
     * before JourneyProgression.evaluate recomputes the trend, so it names the trend of the previous evaluation:
     * the seller reads "trend steady" next to a trend field that says accelerating.
     */
    @Test
    void theMomentumExplanationNamesTheTrendTheAccountHasAfterTheShift() {
        JourneyStory story = JourneyStory.onTheDefaultJourney().contact("dana", "Director of Operations")
                .touch(0, "dana", "content.downloaded");

        Trend trend = story.progress().trend();
        assertThat(story.explanation("momentum").text())
                .endsWith("(trend " + trend.name().toLowerCase(java.util.Locale.ROOT) + ").");
    }

    /**
     * After a step, the snapshot's latest explanation of each kind the step changed says what the step's last
     * event of that kind says, names the journey version, the touchpoint that caused it (none for a tick) and
     * when.
     */

    private static void assertExplained(JourneyStory story, int journeyVersion) {
        for (JourneyEventV1 event : story.lastStep()) {
            String kind = kindOf(event.data());
            if (kind == null || !isLastOfItsKind(story.lastStep(), event, kind)) {
                continue;
            }
            Explanation explanation = story.explanation(kind);
            assertThat(explanation.journeyVersion()).as(kind).isEqualTo(journeyVersion);
            assertThat(explanation.causedBy()).as(kind).isEqualTo(event.causedBy());
            assertThat(explanation.at()).as(kind).isEqualTo(event.occurredAt());
            assertThat(explanation.text()).as(kind).isNotBlank();
            if (event.data() instanceof StageEntered e) {
                assertThat(explanation.text()).isEqualTo(e.explanation()).contains(e.stageName());
                assertThat(explanation.criteria()).isEqualTo(e.criteria());
            } else if (event.data() instanceof MomentumShifted e) {
                assertThat(explanation.text()).startsWith("Momentum "
                        + (e.momentum() > e.previousMomentum() ? "rose" : "fell") + " from " + e.previousMomentum()
                        + " to " + e.momentum());
            } else if (event.data() instanceof StallDetected e) {
                assertThat(explanation.text()).isEqualTo(e.explanation());
            } else if (event.data() instanceof StallCleared e) {
                assertThat(explanation.text()).isEqualTo(e.explanation());
            } else if (event.data() instanceof DealClosed e) {
                assertThat(explanation.text()).isEqualTo(e.explanation());
            }
        }
    }

    private static String kindOf(JourneyEventV1.Payload data) {
        if (data instanceof StageEntered) {
            return "stage";
        } else if (data instanceof MomentumShifted) {
            return "momentum";
        } else if (data instanceof StallDetected || data instanceof StallCleared) {
            return "stall";
        } else if (data instanceof DealClosed) {
            return "outcome";
        }
        return null;
    }

    private static boolean isLastOfItsKind(List<JourneyEventV1> step, JourneyEventV1 event, String kind) {
        JourneyEventV1 last = null;
        for (JourneyEventV1 e : step) {
            if (kind.equals(kindOf(e.data()))) {
                last = e;
            }
        }
        return last == event;
    }

    /** A two-stage journey of version 3 whose second stage needs momentum from two roles and a demo. */
}
