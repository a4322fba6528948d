package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.model.state.CanonicalAccount.Progress;
import dev.tandem.events.TouchpointV1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Issue 3: "the same history in any arrival order, with any duplicates, gives the same final state". Each
 * property replays a history in event-time order and the same history as it might arrive (shuffled, some
 * touchpoints delivered several times, duplicates dropped by event id as journey-state does) on the default
 * journey, and compares the final snapshots.
 *
 * <p>What is not expected to be order-independent (the sequence of journey events, the stage history and
 * dwell times, the momentum in MomentumShifted events) is not compared; see docs/journey-engine.md.
 */
class JourneyOrderProperties {

    /** Contacts with the titles their touchpoints may carry (a title can change over the history). */
    private static final Map<String, List<String>> CONTACTS = Map.of(
            "c_cfo", List.of("CFO"),
            "c_ops", List.of("Director of Operations", "VP Operations"),
            "c_arch", List.of("Enterprise Architect"),
            "c_user", List.of("Marketing Manager", "Marketing Specialist"),
            "c_legal", List.of("General Counsel"),
            "c_buyer", List.of("Procurement Lead"));

    private static final Set<String> OUTCOMES = Set.of("deal.won", "deal.lost", "deal.no_decision");

    @Property(tries = 300)
    void theCommitteeMomentumCountsAndStageDoNotDependOnArrivalOrderOrDuplicates(
            @ForAll("openHistoriesAsTheyMightArrive") Tuple2<List<TouchpointV1>, List<TouchpointV1>> history) {
        CanonicalAccount inOrder = replay(history.get1());
        CanonicalAccount arrived = replay(deduplicated(history.get2()));

        assertSameCommittee(arrived, inOrder);
        Progress a = inOrder.journey();
        Progress b = arrived.journey();
        assertThat(b.typeCounts()).isEqualTo(a.typeCounts());
        assertThat(b.buyerInitiated()).isEqualTo(a.buyerInitiated());
        assertThat(b.sellerInitiated()).isEqualTo(a.sellerInitiated());
        assertThat(b.activity().lastMeaningfulTouchAt()).isEqualTo(a.activity().lastMeaningfulTouchAt());
        assertThat(b.recentActivity()).isCloseTo(a.recentActivity(), within(1e-9));
        assertThat(b.sustainedActivity()).isCloseTo(a.sustainedActivity(), within(1e-9));
        assertThat(b.stageKey()).as("stage").isEqualTo(a.stageKey());
        assertThat(b.outcome()).isNull();
    }

    /**
     * Regressions (fixed): two inputs of stall detection depend on arrival order. The stall clock of a stage starts
     * at {@code stageEnteredAt}, the account's watermark when the stage change was <em>observed</em> (see
     * {@link AccountJourneyOrderTest#twoGlancesAMonthApartStallOnlyWhenTheyArriveInOrder()}); and a meaningful
     * touchpoint counts for the role its contact had when it <em>arrived</em> (see
     * {@link AccountJourneyOrderTest#aMeaningfulTouchpointCountsForTheRoleItsContactEndsUpWithWhateverTheOrder()}).
     */
    @Property(tries = 300)
    void whetherTheAccountIsStalledDoesNotDependOnArrivalOrder(
            @ForAll("openHistoriesAsTheyMightArrive") Tuple2<List<TouchpointV1>, List<TouchpointV1>> history) {
        CanonicalAccount inOrder = replay(history.get1());
        CanonicalAccount arrived = replay(deduplicated(history.get2()));

        assertThat(arrived.journey().activity()).as("what stall detection sees").isEqualTo(inOrder.journey().activity());
        assertThat(arrived.journey().alerts().isEmpty()).as("no active stall")
                .isEqualTo(inOrder.journey().alerts().isEmpty());
    }

    /**
     * Regression (fixed): an outcome closes the journey when it <em>arrives</em>, freezing the stage reached so far;
     * touchpoints that happened before it but arrive after it no longer count for the stage, and of two outcome
     * touchpoints the first to arrive wins. See
     * {@link AccountJourneyOrderTest#anOutcomeThatArrivesBeforeEarlierTouchpointsFreezesTheStageTheyWouldHaveReached()}.
     */
    @Property(tries = 300)
    void theStageAJourneyClosedInAndItsOutcomeDoNotDependOnArrivalOrder(
            @ForAll("closedHistoriesAsTheyMightArrive") Tuple2<List<TouchpointV1>, List<TouchpointV1>> history) {
        CanonicalAccount inOrder = replay(history.get1());
        CanonicalAccount arrived = replay(deduplicated(history.get2()));

        assertSameCommittee(arrived, inOrder);
        assertThat(arrived.journey().outcome()).as("outcome").isEqualTo(inOrder.journey().outcome());
        assertThat(arrived.journey().closedAt()).as("closedAt").isEqualTo(inOrder.journey().closedAt());
        assertThat(arrived.journey().stageKey()).as("stage").isEqualTo(inOrder.journey().stageKey());
        assertThat(arrived.journey().alerts()).isEmpty();
    }

    private static void assertSameCommittee(CanonicalAccount b, CanonicalAccount a) {
        assertThat(b.momentum()).as("momentum").isEqualTo(a.momentum());
        assertThat(b.touchpointCount()).isEqualTo(a.touchpointCount());
        assertThat(b.touchpointsBySource()).isEqualTo(a.touchpointsBySource());
        assertThat(b.lastTouchpointAt()).isEqualTo(a.lastTouchpointAt());
        Map<String, CanonicalAccount.Member> membersA = byKey(a);
        Map<String, CanonicalAccount.Member> membersB = byKey(b);
        assertThat(membersB.keySet()).isEqualTo(membersA.keySet());
        membersA.forEach((key, m) -> {
            CanonicalAccount.Member other = membersB.get(key);
            assertThat(other.engagement()).as(key).isCloseTo(m.engagement(), within(1e-9));
            assertThat(other.role()).as(key).isEqualTo(m.role());
            assertThat(other.roleSource()).as(key).isEqualTo(m.roleSource());
            assertThat(other.touchpointCount()).as(key).isEqualTo(m.touchpointCount());
            assertThat(other.lastEngagedAt()).as(key).isEqualTo(m.lastEngagedAt());
        });
    }

    /**
     * Applies touchpoints in the given order to a new account on the default journey, as journey-state does:
     * in place when on time, replayed into place with the account's history when late.
     */
    static CanonicalAccount replay(List<TouchpointV1> touchpoints) {
        return Touchpoints.applyAsJourneyStateDoes(AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT)), touchpoints).canonical();
    }

    /** What journey-state hands the aggregate: the first delivery of each event id. */
    static List<TouchpointV1> deduplicated(List<TouchpointV1> deliveries) {
        Map<String, TouchpointV1> first = new LinkedHashMap<>();
        deliveries.forEach(t -> first.putIfAbsent(t.id(), t));
        return List.copyOf(first.values());
    }

    private static Map<String, CanonicalAccount.Member> byKey(CanonicalAccount snapshot) {
        return snapshot.committee().stream()
                .collect(Collectors.toMap(CanonicalAccount.Member::contactKey, Function.identity()));
    }

    @Provide
    Arbitrary<Tuple2<List<TouchpointV1>, List<TouchpointV1>>> openHistoriesAsTheyMightArrive() {
        return asTheyMightArrive(histories(false));
    }

    /** Histories with at least one outcome touchpoint (the last one generated; more may be among the others). */
    @Provide
    Arbitrary<Tuple2<List<TouchpointV1>, List<TouchpointV1>>> closedHistoriesAsTheyMightArrive() {
        Arbitrary<TouchpointV1> outcome = Combinators.combine(Arbitraries.of(OUTCOMES.stream().sorted().toList()),
                Arbitraries.longs().between(0, 90L * 24))
                .as((type, hour) -> touchpoint(type, TouchpointSource.SALES, Direction.SELLER_INITIATED, hour, null, 0,
                        CommitteeRole.INFLUENCER));
        Arbitrary<List<TouchpointV1>> closed = Combinators.combine(histories(true), outcome).as((history, last) -> {
            List<TouchpointV1> all = new ArrayList<>(history);
            all.add(last);
            return Touchpoints.numbered(all);
        });
        return asTheyMightArrive(closed);
    }

    /** The history in event-time order (ties by id), and a delivery of it: shuffled, with repeats. */
    private static Arbitrary<Tuple2<List<TouchpointV1>, List<TouchpointV1>>> asTheyMightArrive(
            Arbitrary<List<TouchpointV1>> histories) {
        return histories.flatMap(history -> {
            List<TouchpointV1> inOrder = history.stream()
                    .sorted((x, y) -> x.occurredAt().equals(y.occurredAt()) ? x.id().compareTo(y.id())
                            : x.occurredAt().compareTo(y.occurredAt()))
                    .toList();
            Arbitrary<List<TouchpointV1>> repeats = history.isEmpty() ? Arbitraries.just(List.of())
                    : Arbitraries.of(history).list().ofMaxSize(5);
            return repeats.flatMap(extra -> {
                List<TouchpointV1> deliveries = new ArrayList<>(history);
                deliveries.addAll(extra);
                return Arbitraries.shuffle(deliveries).map(shuffled -> Tuple.of(inOrder, shuffled));
            });
        });
    }

    /** Up to 25 touchpoints over 90 days (long enough for stalls and regressions), distinct event ids. */
    static Arbitrary<List<TouchpointV1>> histories(boolean withOutcomes) {
        return histories(withOutcomes, 0);
    }

    static Arbitrary<List<TouchpointV1>> histories(boolean withOutcomes, int minSize) {
        List<String> types = TouchpointCatalog.standardTypes().stream()
                .filter(t -> !t.equals(TouchpointCatalog.ROLE_ASSIGNED))
                .filter(t -> withOutcomes || !OUTCOMES.contains(t))
                .sorted()
                .toList();
        Arbitrary<String> type = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(types)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("partner.intro_made")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(TouchpointCatalog.ROLE_ASSIGNED)));
        Arbitrary<String> contact = Arbitraries.oneOf(
                Arbitraries.of(CONTACTS.keySet().stream().sorted().toList()), Arbitraries.just((String) null));
        // whole hours and a few fixed instants: touchpoints at the same instant happen too
        Arbitrary<Long> hour = Arbitraries.longs().between(0, 90L * 24).edgeCases(e -> e.add(0L));
        Arbitrary<TouchpointV1> touchpoint = Combinators.combine(type, Arbitraries.of(TouchpointSource.class),
                Arbitraries.of(Direction.class), hour, contact, Arbitraries.integers().between(0, 1),
                Arbitraries.of(CommitteeRole.class))
                .as((t, source, direction, h, c, titleIndex, role) -> touchpoint(t, source, direction, h, c,
                        titleIndex, role));
        return touchpoint.list().ofMinSize(minSize).ofMaxSize(25).map(Touchpoints::numbered);
    }

    private static TouchpointV1 touchpoint(String type, TouchpointSource source, Direction direction, long hour,
            String contact, int titleIndex, CommitteeRole role) {
        boolean assignment = TouchpointCatalog.ROLE_ASSIGNED.equals(type);
        String contactKey = assignment && contact == null ? "c_user" : contact;
        String title = assignment || contactKey == null ? null
                : CONTACTS.get(contactKey).get(Math.min(titleIndex, CONTACTS.get(contactKey).size() - 1));
        return new TouchpointV1(null, Touchpoints.TENANT, Touchpoints.ACCOUNT, type, source, direction,
                Touchpoints.DAY_0.plusSeconds(hour * 3600), Touchpoints.DAY_0, contactKey, title,
                assignment ? Map.of("role", role.wireName()) : Map.of());
    }
}
