package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.state.AccountState;
import dev.tandem.model.state.CanonicalAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * journey-state keeps no aggregate in memory between touchpoints: it restores each account from its stored state
 * (JSON in a RocksDB store) with the account's journey context. A restored aggregate must continue exactly like one that
 * was never put away: the same journey events (ids, versions, payloads) for the same next touchpoints and ticks,
 * and the same snapshot.
 */
class JourneyRestoreProperties {

    private static final JourneyContext DEFAULT = JourneyContext.defaults(Touchpoints.TENANT);
    private static final JourneyContext PILOT = AccountJourneyScenariosTest.pilotJourney();

    /** One step of an account's life: a touchpoint applied, or the clock ticking. */
    private record Step(TouchpointV1 touchpoint, Instant tick) {
        List<JourneyEventV1> on(AccountJourney journey) {
            return touchpoint != null ? journey.apply(touchpoint) : journey.tick(tick);
        }

        @Override
        public String toString() {
            return touchpoint != null ? touchpoint.toString() : "tick " + tick;
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void anAccountRestoredFromItsSnapshotJsonAfterEveryStepContinuesExactlyLikeTheOriginal(
            @ForAll("lives") List<Step> life, @ForAll boolean onThePilotJourney) {
        JourneyContext context = onThePilotJourney ? PILOT : DEFAULT;
        AccountJourney original = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT, context);
        AccountJourney restored = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT, context);

        for (Step step : life) {
            restored = throughJson(restored, context);
            assertThat(step.on(restored)).as(step.toString()).isEqualTo(step.on(original));
            assertThat(restored.version()).isEqualTo(original.version());
        }
        assertThat(restored.canonical()).isEqualTo(original.canonical());
        assertThat(EventJson.write(restored.canonical())).isEqualTo(EventJson.write(original.canonical()));
    }

    /** The lives above are rich enough: stage changes, stalls found by the clock, their end and closes are common. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(onFailureOnly = true)
    void theGeneratedLivesCoverEveryKindOfJourneyEvent(@ForAll("lives") List<Step> life) {
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT, DEFAULT);
        Set<String> kinds = new TreeSet<>();
        life.forEach(step -> step.on(journey).forEach(e -> kinds.add(e.type())));
        for (String kind : List.of("StageExited", "StallDetected", "StallCleared", "DealClosed")) {
            Statistics.label(kind).collect(kinds.contains(kind));
            Statistics.label(kind).coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
        }
    }

    /** What journey-state does between two batches: store the snapshot as JSON, read it, restore. */
    private static AccountJourney throughJson(AccountJourney journey, JourneyContext context) {
        CanonicalAccount wire = EventJson.read(EventJson.write(journey.canonical()), CanonicalAccount.class);
        assertThat(wire).isEqualTo(journey.canonical());
        AccountState stored = EventJson.read(EventJson.write(journey.state()), AccountState.class);
        assertThat(stored).isEqualTo(journey.state());
        return AccountJourney.restore(stored, context);
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Step> tick = Arbitraries.longs().between(0, 120L * 24)
                .map(hour -> new Step(null, Touchpoints.DAY_0.plusSeconds(hour * 3600)));
        Arbitrary<List<TouchpointV1>> outcome = Combinators.combine(
                        Arbitraries.of("deal.won", "deal.lost", "deal.no_decision"),
                        Arbitraries.longs().between(0, 120L * 24))
                .as((type, hour) -> List.of(new TouchpointV1("tp-outcome", Touchpoints.TENANT, Touchpoints.ACCOUNT,
                        type, TouchpointSource.SALES, Direction.SELLER_INITIATED,
                        Touchpoints.DAY_0.plusSeconds(hour * 3600), Touchpoints.DAY_0, null, null, Map.of())));
        Arbitrary<List<TouchpointV1>> maybeOutcome = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.<TouchpointV1>of())), Tuple.of(1, outcome));
        return Combinators.combine(JourneyOrderProperties.histories(false, 8), maybeOutcome, tick.list().ofMaxSize(8))
                .flatAs((touchpoints, closing, ticks) -> {
                    List<Step> steps = new ArrayList<>();
                    touchpoints.forEach(t -> steps.add(new Step(t, null)));
                    closing.forEach(t -> steps.add(new Step(t, null)));
                    steps.addAll(ticks);
                    return Arbitraries.shuffle(steps);
                });
    }
}
