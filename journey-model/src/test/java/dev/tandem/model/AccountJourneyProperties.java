package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;

/**
 * The aggregate's invariants over arbitrary touchpoint histories. Each contact keeps one title, so these
 * properties are about engagement and momentum; a title changing over time is covered in AccountJourneyTest.
 */
class AccountJourneyProperties {

    /** Contacts of the account, each with the title its touchpoints carry; null = account-level touchpoint. */
    private static final Map<String, String> CONTACTS = Map.of(
            "c_cfo", "CFO",
            "c_ops", "Director of Operations",
            "c_arch", "Enterprise Architect",
            "c_user", "Marketing Manager",
            "c_legal", "General Counsel");

    @Property
    void engagementAndMomentumDoNotDependOnArrivalOrder(
            @ForAll("historiesWithAPermutation") Tuple2<List<TouchpointV1>, List<TouchpointV1>> orders) {
        AccountJourney inOrder = replay(orders.get1());
        AccountJourney shuffled = replay(orders.get2());

        CanonicalAccount a = inOrder.canonical();
        CanonicalAccount b = shuffled.canonical();
        assertThat(b.momentum()).isEqualTo(a.momentum());
        assertThat(b.touchpointCount()).isEqualTo(a.touchpointCount());
        assertThat(b.touchpointsBySource()).isEqualTo(a.touchpointsBySource());
        assertThat(b.lastTouchpointAt()).isEqualTo(a.lastTouchpointAt());
        Map<String, CanonicalAccount.Member> membersA = byKey(a);
        Map<String, CanonicalAccount.Member> membersB = byKey(b);
        assertThat(membersB.keySet()).isEqualTo(membersA.keySet());
        membersA.forEach((key, m) -> {
            assertThat(membersB.get(key).engagement()).as(key).isCloseTo(m.engagement(), within(1e-9));
            assertThat(membersB.get(key).role()).as(key).isEqualTo(m.role());
            assertThat(membersB.get(key).touchpointCount()).as(key).isEqualTo(m.touchpointCount());
            assertThat(membersB.get(key).lastEngagedAt()).as(key).isEqualTo(m.lastEngagedAt());
        });
    }

    @Property(tries = 500)
    void versionsAreGaplessAndMomentumStaysInRange(@ForAll("histories") List<TouchpointV1> history) {
        AccountJourney journey = Touchpoints.newJourney();
        List<JourneyEventV1> events = new ArrayList<>();
        for (TouchpointV1 touchpoint : history) {
            events.addAll(journey.apply(touchpoint));
            assertThat(journey.momentum()).isBetween(0, 100);
        }
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).extracting(JourneyEventV1::eventId).doesNotHaveDuplicates();
        assertThat(events).filteredOn(e -> e.type().equals("TouchpointRecorded")).hasSize(history.size());
    }

    @Property(tries = 500)
    void restoringASnapshotAnywhereChangesNoFollowingEvent(@ForAll("histories") List<TouchpointV1> history,
            @ForAll @IntRange(min = 0, max = 30) int cut) {
        int split = Math.min(cut, history.size());
        AccountJourney continued = replay(history.subList(0, split));
        AccountJourney restored = AccountJourney.restore(continued.canonical(), EngagementPolicy.defaults(),
                RoleInference.defaults());
        for (TouchpointV1 next : history.subList(split, history.size())) {
            assertThat(restored.apply(next)).isEqualTo(continued.apply(next));
        }
    }

    @Property(tries = 500)
    void aNewPositiveTouchpointAtTheLatestTimeNeverLowersMomentum(@ForAll("histories") List<TouchpointV1> history,
            @ForAll("contactKeys") String contact, @ForAll("positiveTypes") String type) {
        AccountJourney journey = replay(history);
        int before = journey.momentum();
        CanonicalAccount snapshot = journey.canonical();
        Instant at = snapshot.lastTouchpointAt() == null ? Touchpoints.DAY_0 : snapshot.lastTouchpointAt();
        journey.apply(new TouchpointV1("tp-next", Touchpoints.TENANT, Touchpoints.ACCOUNT, type,
                TouchpointSource.MARKETING, Direction.BUYER_INITIATED, at, at, contact, CONTACTS.get(contact),
                Map.of()));
        assertThat(journey.momentum()).isGreaterThanOrEqualTo(before);
    }

    private static AccountJourney replay(List<TouchpointV1> touchpoints) {
        return Touchpoints.applyAsJourneyStateDoes(Touchpoints.newJourney(), touchpoints);
    }

    private static Map<String, CanonicalAccount.Member> byKey(CanonicalAccount snapshot) {
        return snapshot.committee().stream()
                .collect(Collectors.toMap(CanonicalAccount.Member::contactKey, Function.identity()));
    }

    @Provide
    Arbitrary<String> contactKeys() {
        return Arbitraries.of(CONTACTS.keySet().stream().sorted().toList());
    }

    @Provide
    Arbitrary<String> positiveTypes() {
        return Arbitraries.of(TouchpointCatalog.standardTypes().stream()
                .filter(t -> TouchpointCatalog.weightOf(t) > 0)
                .sorted()
                .toList());
    }

    @Provide
    Arbitrary<List<TouchpointV1>> histories() {
        Arbitrary<String> type = Arbitraries.oneOf(
                Arbitraries.of(TouchpointCatalog.standardTypes().stream()
                        .filter(t -> !t.equals(TouchpointCatalog.ROLE_ASSIGNED))
                        .sorted()
                        .toList()),
                Arbitraries.just("partner.intro_made"));
        Arbitrary<String> contact = Arbitraries.oneOf(contactKeys(), Arbitraries.just((String) null));
        // minutes over ~60 days: same-instant touchpoints happen too
        Arbitrary<Long> minute = Arbitraries.longs().between(0, 60L * 24 * 60).edgeCases(e -> e.add(0L));
        Arbitrary<TouchpointV1> touchpoint = Combinators.combine(type, Arbitraries.of(TouchpointSource.class),
                Arbitraries.of(Direction.class), minute, contact)
                .as((t, source, direction, m, c) -> new TouchpointV1(null, Touchpoints.TENANT, Touchpoints.ACCOUNT,
                        t, source, direction, Touchpoints.DAY_0.plusSeconds(m * 60), Touchpoints.DAY_0, c,
                        c == null ? null : CONTACTS.get(c), Map.of()));
        return touchpoint.list().ofMaxSize(30).map(Touchpoints::numbered);
    }

    @Provide
    Arbitrary<Tuple2<List<TouchpointV1>, List<TouchpointV1>>> historiesWithAPermutation() {
        return histories().flatMap(history -> Arbitraries.shuffle(history).map(shuffled -> Tuple.of(history, shuffled)));
    }
}
