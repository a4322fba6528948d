package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Stage evaluation is a pure function of the facts: deterministic, and the furthest satisfied stage. */
class StageEvaluationProperties {

    private static final StageEvaluator EVALUATOR = StageEvaluator.compile(DefaultJourney.definition("t1"));
    private static final StageEvaluator RECOMPILED = StageEvaluator.compile(DefaultJourney.definition("t1"));

    @Property(tries = 300)
    void theSameFactsAlwaysGiveTheSameStageAndExplanation(@ForAll("facts") CommitteeFacts facts) {
        StageEvaluation first = EVALUATOR.evaluate(facts);

        assertThat(EVALUATOR.evaluate(facts)).isEqualTo(first);
        assertThat(RECOMPILED.evaluate(facts)).isEqualTo(first);
    }

    @Property(tries = 300)
    void theOrderInWhichFactsWereGatheredDoesNotMatter(@ForAll("facts") CommitteeFacts facts,
            @ForAll long seed) {
        CommitteeFacts shuffled = new CommitteeFacts(facts.momentum(), facts.touchpoints(),
                shuffle(facts.types(), seed), facts.typeCounts(), facts.members(), facts.engagedMembers(),
                shuffle(facts.engagedRoles(), seed), facts.roles(), facts.daysSinceMeaningfulTouch(),
                facts.buyerInitiated(), facts.sellerInitiated(), facts.sources());

        assertThat(EVALUATOR.evaluate(shuffled)).isEqualTo(EVALUATOR.evaluate(facts));
    }

    @Property(tries = 300)
    void theStageIsTheFurthestWhoseCriterionHoldsOrElseTheFirst(@ForAll("facts") CommitteeFacts facts) {
        StageEvaluation evaluation = EVALUATOR.evaluate(facts);

        int furthest = 0;
        for (int i = 0; i < evaluation.criteria().size(); i++) {
            if (evaluation.criteria().get(i).satisfied()) {
                furthest = i;
            }
        }
        assertThat(evaluation.stageIndex()).isEqualTo(furthest);
        assertThat(evaluation.stageKey()).isEqualTo(EVALUATOR.definition().stages().get(furthest).key());
        assertThat(evaluation.criteria()).allSatisfy(c -> assertThat(c.error()).isNull());
    }

    @Property(tries = 200)
    void anAccountsRecentEvaluationChangesNoResult(@ForAll("factsInTurn") List<CommitteeFacts> inTurn) {
        StageEvaluator.Recent recent = new StageEvaluator.Recent();
        for (CommitteeFacts facts : inTurn) {
            assertThat(EVALUATOR.evaluate(facts, recent)).isEqualTo(RECOMPILED.evaluate(facts));
        }
    }

    @Provide
    Arbitrary<List<CommitteeFacts>> factsInTurn() {
        // repeats and near-repeats, as one account's successive touchpoints give
        return CommitteeArbitraries.facts().list().ofMinSize(1).ofMaxSize(6)
                .flatMap(distinct -> net.jqwik.api.Arbitraries.of(distinct).list().ofMinSize(1).ofMaxSize(20));
    }

    @Provide
    Arbitrary<CommitteeFacts> facts() {
        return CommitteeArbitraries.facts();
    }

    private static List<String> shuffle(List<String> values, long seed) {
        List<String> copy = new ArrayList<>(values);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
