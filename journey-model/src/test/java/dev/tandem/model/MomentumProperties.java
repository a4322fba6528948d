package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The documented properties of the momentum formula (docs/momentum.md), for any policy and committee. */
class MomentumProperties {

    @Property
    void momentumIsAlwaysBetween0And100(@ForAll("committees") List<Momentum.Input> committee,
            @ForAll("policies") EngagementPolicy policy) {
        assertThat(Momentum.of(committee, policy)).isBetween(0, 100);
    }

    @Property
    void anEmptyCommitteeHasNoMomentum(@ForAll("policies") EngagementPolicy policy) {
        assertThat(Momentum.of(List.of(), policy)).isZero();
    }

    @Property
    void addingAnEngagedMemberNeverLowersMomentum(@ForAll("committees") List<Momentum.Input> committee,
            @ForAll CommitteeRole role, @ForAll @DoubleRange(min = 0.01, max = 100) double engagement,
            @ForAll("policies") EngagementPolicy policy) {
        List<Momentum.Input> larger = new ArrayList<>(committee);
        larger.add(new Momentum.Input(role, engagement));

        assertThat(Momentum.of(larger, policy)).isGreaterThanOrEqualTo(Momentum.of(committee, policy));
    }

    @Property
    void raisingAMembersEngagementNeverLowersMomentum(
            @ForAll("committees") @Size(min = 1) List<Momentum.Input> committee,
            @ForAll @IntRange(min = 0, max = 11) int index,
            @ForAll @DoubleRange(min = 0.01, max = 100) double raise,
            @ForAll("policies") EngagementPolicy policy) {
        int i = index % committee.size();
        List<Momentum.Input> raised = new ArrayList<>(committee);
        Momentum.Input member = raised.get(i);
        raised.set(i, new Momentum.Input(member.role(), member.engagement() + raise));

        assertThat(Momentum.of(raised, policy)).isGreaterThanOrEqualTo(Momentum.of(committee, policy));
    }

    @Property
    void aLoneMemberIsCappedByTheSoloCapPlusOneRequiredRole(@ForAll CommitteeRole role,
            @ForAll @DoubleRange(min = 0, max = 1e6) double engagement,
            @ForAll("policies") EngagementPolicy policy) {
        int required = policy.requiredRoles().size();
        long cap = Math.round(100 * policy.soloCap() + (1 - policy.soloCap()) * 100 / required);

        assertThat((long) Momentum.of(List.of(new Momentum.Input(role, engagement)), policy)).isLessThanOrEqualTo(cap);
    }

    @Property
    void aLoneMemberInARoleTheJourneyDoesNotRequireStaysBelowTheSoloCap(
            @ForAll @DoubleRange(min = 0, max = 1e6) double engagement, @ForAll("policies") EngagementPolicy policy) {
        EngagementPolicy withoutBlocker = new EngagementPolicy(policy.halfLife(), policy.sourceFactors(),
                policy.sellerInitiatedFactor(), policy.engagedThreshold(), policy.saturation(), policy.soloCap(),
                Set.of(CommitteeRole.ECONOMIC_BUYER));

        int alone = Momentum.of(List.of(new Momentum.Input(CommitteeRole.BLOCKER, engagement)), withoutBlocker);

        assertThat((long) alone).isLessThanOrEqualTo(Math.round(100 * policy.soloCap()));
    }

    @Example
    void underTheDefaultPolicyOneTirelessChampionStaysUnder48() {
        int alone = Momentum.of(List.of(new Momentum.Input(CommitteeRole.CHAMPION, 1e9)),
                EngagementPolicy.defaults());
        // 100 * (0.3 + 0.7 * 1/4) = 47.5
        assertThat(alone).isBetween(47, 48);
    }

    @Example
    void theFullRequiredCommitteeFullyEngagedReaches100() {
        List<Momentum.Input> everyone = EngagementPolicy.defaults().requiredRoles().stream()
                .map(role -> new Momentum.Input(role, 1e6))
                .toList();
        assertThat(Momentum.of(everyone, EngagementPolicy.defaults())).isEqualTo(100);
    }

    @Example
    void membersBelowTheEngagedThresholdDoNotWidenTheCommittee() {
        EngagementPolicy policy = EngagementPolicy.defaults();
        List<Momentum.Input> oneEngaged = List.of(new Momentum.Input(CommitteeRole.CHAMPION, 20));
        List<Momentum.Input> plusBarelyThere = List.of(new Momentum.Input(CommitteeRole.CHAMPION, 20),
                new Momentum.Input(CommitteeRole.ECONOMIC_BUYER, 0.0));
        assertThat(Momentum.of(plusBarelyThere, policy)).isEqualTo(Momentum.of(oneEngaged, policy));
    }

    @Provide
    Arbitrary<List<Momentum.Input>> committees() {
        Arbitrary<Momentum.Input> member = Combinators.combine(
                Arbitraries.of(CommitteeRole.class),
                Arbitraries.oneOf(Arbitraries.doubles().between(0, 50), Arbitraries.of(0.0, 1.0, 1e6)))
                .as(Momentum.Input::new);
        return member.list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<EngagementPolicy> policies() {
        return Combinators.combine(
                Arbitraries.doubles().between(0.1, 5),
                Arbitraries.doubles().between(0.5, 100),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.subsetOf(CommitteeRole.values()).ofMinSize(1))
                .as((threshold, saturation, soloCap, required) -> new EngagementPolicy(Duration.ofDays(14),
                        Map.of(), 0.6, threshold, saturation, soloCap, EnumSet.copyOf(required)));
    }
}
