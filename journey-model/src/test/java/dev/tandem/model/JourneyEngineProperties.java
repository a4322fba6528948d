package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.history.InMemoryAccountHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The engine's promises (issue 6): any arrival order, in any batches, with any duplicates within the horizon
 * ends in the in-order canonical state; a burst of late touchpoints costs one replay of bounded length.
 */
class JourneyEngineProperties {

    private static final Duration HORIZON = Duration.ofDays(3650);

    @Property(tries = 200)
    void anyArrivalOrderInAnyBatchesWithDuplicatesEndsInTheInOrderState(
            @ForAll("histories") List<TouchpointV1> history, @ForAll("seeds") long seed,
            @ForAll @IntRange(min = 1, max = 6) int batchSize, @ForAll @IntRange(min = 1, max = 8) int checkpointEvery) {
        List<TouchpointV1> inOrder = history.stream()
                .sorted(Comparator.comparing(TouchpointV1::occurredAt).thenComparing(TouchpointV1::eventId))
                .toList();
        List<TouchpointV1> arrivals = new ArrayList<>(history);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < history.size() / 3; i++) {
            arrivals.add(history.get(random.nextInt(history.size())));
        }
        java.util.Collections.shuffle(arrivals, random);

        CanonicalAccount expected = run(List.of(inOrder), checkpointEvery).canonical();
        AccountJourney arrived = run(batches(arrivals, batchSize), checkpointEvery);

        assertSameCanonical(arrived.canonical(), expected);
    }

    @Property(tries = 100)
    void aBurstOfLateTouchpointsIsOneReplayBoundedByTheCheckpointIntervalAndWhatFollows(
            @ForAll("histories") List<TouchpointV1> history, @ForAll @IntRange(min = 1, max = 8) int lateCount,
            @ForAll @IntRange(min = 1, max = 8) int checkpointEvery) {
        List<TouchpointV1> inOrder = history.stream()
                .sorted(Comparator.comparing(TouchpointV1::occurredAt).thenComparing(TouchpointV1::eventId))
                .toList();
        int split = Math.max(0, inOrder.size() - lateCount);
        // the latest touchpoints arrive first; then the burst of the earlier ones, all late
        List<TouchpointV1> burst = inOrder.subList(0, Math.min(split, lateCount));
        List<TouchpointV1> first = new ArrayList<>(inOrder);
        first.removeAll(burst);

        JourneyEngine engine = new JourneyEngine(HORIZON, checkpointEvery);
        InMemoryAccountHistory store = new InMemoryAccountHistory();
        AccountJourney journey = Touchpoints.newJourney();
        first.forEach(t -> engine.apply(journey, List.of(t), store));
        JourneyEngine.Outcome outcome = engine.apply(journey, burst, store);

        if (!burst.isEmpty() && !first.isEmpty()) {
            assertThat(outcome.rederivations()).isLessThanOrEqualTo(1);
            long after = first.stream().filter(t -> comesAfter(t, burst.get(0))).count();
            assertThat(outcome.replayed()).isLessThanOrEqualTo(checkpointEvery - 1 + (int) after + burst.size());
        }
        assertSameCanonical(journey.canonical(), run(List.of(inOrder), checkpointEvery).canonical());
    }

    private static boolean comesAfter(TouchpointV1 a, TouchpointV1 b) {
        int byTime = a.occurredAt().compareTo(b.occurredAt());
        return byTime > 0 || (byTime == 0 && a.id().compareTo(b.id()) > 0);
    }

    private static AccountJourney run(List<List<TouchpointV1>> batches, int checkpointEvery) {
        JourneyEngine engine = new JourneyEngine(HORIZON, checkpointEvery);
        InMemoryAccountHistory store = new InMemoryAccountHistory();
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        batches.forEach(batch -> engine.apply(journey, batch, store));
        return journey;
    }

    private static List<List<TouchpointV1>> batches(List<TouchpointV1> arrivals, int size) {
        List<List<TouchpointV1>> batches = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i += size) {
            batches.add(arrivals.subList(i, Math.min(arrivals.size(), i + size)));
        }
        return batches;
    }

    /** Everything canonical but the account version (events differ by arrival order, so does their count). */
    static void assertSameCanonical(CanonicalAccount actual, CanonicalAccount expected) {
        assertThat(withVersion(actual, 0)).isEqualTo(withVersion(expected, 0));
    }

    private static CanonicalAccount withVersion(CanonicalAccount s, long version) {
        CanonicalAccount.Progress p = s.journey();
        // explanations name the touchpoints that caused them, which depends on how they were batched
        CanonicalAccount.Progress withoutCauses = p == null ? null : new CanonicalAccount.Progress(
                p.journeyId(), p.journeyVersion(), p.stageKey(), p.stageName(), p.stageEnteredAt(), p.trend(),
                p.alerts(), p.stageHistory(), p.explanations().stream().map(e -> new AccountSnapshotV1.Explanation(
                        e.kind(), e.text(), e.journeyVersion(), e.criteria(), List.of(), e.at())).toList(),
                p.outcome(), p.closedAt(), p.typeCounts(), p.buyerInitiated(), p.sellerInitiated(), p.activity(),
                p.recentActivity(), p.sustainedActivity(), p.clockEventId());
        return new CanonicalAccount(s.tenantId(), s.accountKey(), version, s.momentum(), s.touchpointCount(),
                s.touchpointsBySource(), s.lastTouchpointAt(), s.committee(), withoutCauses);
    }

    @Provide
    Arbitrary<List<TouchpointV1>> histories() {
        return JourneyOrderProperties.histories(true, 1);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
