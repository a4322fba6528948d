package dev.tandem.model.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.TouchpointV1;
import dev.tandem.model.Direction;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.JourneyEngine;
import dev.tandem.model.RoleInference;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.model.journey.Stage;
import dev.tandem.model.journey.StageEvaluatorCache;
import dev.tandem.model.simulation.JourneySimulation.Mover;
import dev.tandem.model.simulation.JourneySimulation.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A draft run beside the published journey over the same log: who would move, and the stage counts of each. */
class JourneySimulationTest {

    private static final String TENANT = "t1";
    private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");
    private static final StageEvaluatorCache EVALUATORS = new StageEvaluatorCache(8);
    private static final JourneyDefinition PUBLISHED = DefaultJourney.definition(TENANT);

    /** The default journey with solution exploration asking for three engaged members instead of one. */
    private static JourneyDefinition tightened() {
        List<Stage> stages = new ArrayList<>(PUBLISHED.stages());
        Stage exploration = stages.get(1);
        stages.set(1, new Stage(exploration.key(), exploration.name(), exploration.description(),
                exploration.entryCriteria().replace("engagedMembers >= 1", "engagedMembers >= 3"),
                exploration.stallAfter(), exploration.requiredRoles(), exploration.interactionPoints()));
        return new JourneyDefinition(TENANT, "default", 2, JourneyStatus.DRAFT, PUBLISHED.name(), PUBLISHED.halfLife(),
                PUBLISHED.requiredRoles(), stages);
    }

    private static JourneyContext context(JourneyDefinition definition) {
        return JourneyContext.of(definition, EVALUATORS.evaluatorFor(definition), RoleInference.defaults());
    }

    /** Each account: its contacts, three content touchpoints each over a week. */
    private static List<TouchpointV1> history(String account, int contacts) {
        List<TouchpointV1> touchpoints = new ArrayList<>();
        String[] titles = {"Director of Operations", "Enterprise Architect", "CFO", "Operations Analyst"};
        for (int c = 0; c < contacts; c++) {
            for (int i = 0; i < 3; i++) {
                Instant at = START.plus(Duration.ofHours(24L * i + c));
                touchpoints.add(new TouchpointV1(account + "-" + c + "-" + i, TENANT, account,
                        i == 1 ? "webinar.attended" : "content.downloaded", TouchpointSource.MARKETING,
                        Direction.BUYER_INITIATED, at, at, account + "-c" + c, titles[c], Map.of()));
            }
        }
        return touchpoints;
    }

    private static Report simulate(List<TouchpointV1> log, int shards) {
        List<JourneySimulation> simulations = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            simulations.add(new JourneySimulation(TENANT, context(tightened()), context(PUBLISHED),
                    JourneyEngine.defaults()));
        }
        for (TouchpointV1 touchpoint : log) {
            simulations.get(Math.floorMod(touchpoint.accountKey().hashCode(), shards)).accept(touchpoint);
        }
        return JourneySimulation.report(simulations, 100);
    }

    @Test
    void tighteningAStagesCriteriaMovesExactlyTheAccountsThatNoLongerMeetThemBack() {
        List<TouchpointV1> log = new ArrayList<>();
        for (String solo : List.of("solo-a", "solo-b")) {
            log.addAll(history(solo, 1));
        }
        for (String trio : List.of("trio-a", "trio-b", "quad")) {
            log.addAll(history(trio, trio.equals("quad") ? 4 : 3));
        }

        Report report = simulate(log, 1);

        assertThat(report.touchpoints()).isEqualTo(log.size());
        assertThat(report.accounts()).isEqualTo(5);
        assertThat(report.published().stages().get(1).accounts()).as("all explore under the published journey")
                .isEqualTo(5);
        assertThat(report.movers()).extracting(Mover::accountKey).containsExactly("solo-a", "solo-b");
        assertThat(report.movers()).allSatisfy(mover -> {
            assertThat(mover.publishedStage()).isEqualTo("solution_exploration");
            assertThat(mover.draftStage()).isEqualTo("problem_identification");
            assertThat(mover.direction()).isEqualTo("back");
            assertThat(mover.reason()).isNotBlank();
        });
        assertThat(report.moverCount()).isEqualTo(2);
        assertThat(report.draft().stages().get(0).accounts()).isEqualTo(2);
        assertThat(report.draft().stages().get(1).accounts()).isEqualTo(3);
        // nobody went beyond exploration: entered by all five published, by three in the draft, converted by none
        assertThat(report.published().stages().get(1).entered()).isEqualTo(5);
        assertThat(report.draft().stages().get(1).entered()).isEqualTo(3);
        assertThat(report.published().conversions().get(1)).isEqualTo(new JourneySimulation.Conversion(
                "solution_exploration", "requirements_building", 5, 0, 0.0));
        assertThat(report.streamTime()).isEqualTo(log.stream().map(TouchpointV1::occurredAt)
                .max(Instant::compareTo).orElseThrow());
    }

    @Test
    void anyArrivalOrderAndAnySharingOutGivesTheSameReport() {
        List<TouchpointV1> log = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            log.addAll(history("acct-" + a, 1 + a % 4));
        }
        Report inOrder = simulate(log, 1);
        List<TouchpointV1> shuffled = new ArrayList<>(log);
        Collections.shuffle(shuffled, new Random(7));

        Report other = simulate(shuffled, 3);

        assertThat(other.draft()).isEqualTo(inOrder.draft());
        assertThat(other.published()).isEqualTo(inOrder.published());
        assertThat(other.moverCount()).isEqualTo(inOrder.moverCount());
        assertThat(other.movers()).extracting(Mover::accountKey)
                .containsExactlyInAnyOrderElementsOf(inOrder.movers().stream().map(Mover::accountKey).toList());
    }
}
