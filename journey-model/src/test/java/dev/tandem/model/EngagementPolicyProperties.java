package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Engagement contributions and exponential decay. */
class EngagementPolicyProperties {

    private static EngagementPolicy withHalfLife(Duration halfLife) {
        EngagementPolicy d = EngagementPolicy.defaults();
        return new EngagementPolicy(halfLife, d.sourceFactors(), d.sellerInitiatedFactor(), d.engagedThreshold(),
                d.saturation(), d.soloCap(), d.requiredRoles());
    }

    @Property
    void decayHalvesAtOneHalfLife(@ForAll @DoubleRange(min = 0, max = 1e6) double value,
            @ForAll @LongRange(min = 1, max = 365 * 24 * 60) long halfLifeMinutes) {
        Duration halfLife = Duration.ofMinutes(halfLifeMinutes);
        assertThat(withHalfLife(halfLife).decay(value, halfLife)).isCloseTo(value / 2, within(1e-9 * (1 + value)));
    }

    @Property
    void decayNeverIncreasesAPositiveValue(@ForAll @DoubleRange(min = 0, max = 1e6) double value,
            @ForAll @LongRange(min = 0, max = 10L * 365 * 24 * 3600) long seconds) {
        assertThat(EngagementPolicy.defaults().decay(value, Duration.ofSeconds(seconds))).isBetween(0.0, value);
    }

    @Property
    void waitingLongerNeverLeavesMore(@ForAll @DoubleRange(min = 0, max = 1e6) double value,
            @ForAll @LongRange(min = 0, max = 1000L * 24 * 3600) long shorter,
            @ForAll @LongRange(min = 0, max = 1000L * 24 * 3600) long extra) {
        EngagementPolicy policy = EngagementPolicy.defaults();
        assertThat(policy.decay(value, Duration.ofSeconds(shorter + extra)))
                .isLessThanOrEqualTo(policy.decay(value, Duration.ofSeconds(shorter)));
    }

    @Property
    void decayingInTwoStepsEqualsDecayingOnce(@ForAll @DoubleRange(min = 0, max = 1e4) double value,
            @ForAll @LongRange(min = 0, max = 100L * 24 * 3600) long first,
            @ForAll @LongRange(min = 0, max = 100L * 24 * 3600) long second) {
        // what makes engagement independent of the order touchpoints arrive in
        EngagementPolicy policy = EngagementPolicy.defaults();
        double stepwise = policy.decay(policy.decay(value, Duration.ofSeconds(first)), Duration.ofSeconds(second));
        assertThat(stepwise).isCloseTo(policy.decay(value, Duration.ofSeconds(first + second)),
                within(1e-9 * (1 + value)));
    }

    @Property
    void noTimeOrNegativeTimeChangesNothing(@ForAll double value, @ForAll @LongRange(min = 0, max = 1_000_000) long s) {
        EngagementPolicy policy = EngagementPolicy.defaults();
        assertThat(policy.decay(value, Duration.ZERO)).isEqualTo(value);
        assertThat(policy.decay(value, Duration.ofSeconds(-s))).isEqualTo(value);
    }

    @Example
    void contributionIsTypeWeightTimesSourceTimesDirection() {
        EngagementPolicy policy = EngagementPolicy.defaults();
        assertThat(policy.contributionOf("meeting.held", TouchpointSource.SALES, Direction.SELLER_INITIATED))
                .isCloseTo(5 * 1.2 * 0.6, within(1e-12));
        assertThat(policy.contributionOf("webinar.attended", TouchpointSource.MARKETING, Direction.BUYER_INITIATED))
                .isEqualTo(3.0);
        assertThat(policy.contributionOf("pricing.viewed", TouchpointSource.PARTNER, Direction.BUYER_INITIATED))
                .isCloseTo(3 * 0.9, within(1e-12));
    }

    @Example
    void aTenantsOwnTypeCountsWithTheDefaultWeight() {
        assertThat(EngagementPolicy.defaults().contributionOf("partner.intro_made", TouchpointSource.MARKETING,
                Direction.BUYER_INITIATED)).isEqualTo(TouchpointCatalog.DEFAULT_WEIGHT);
    }

    @Example
    void buyerInitiatedCountsMoreThanSellerInitiated() {
        EngagementPolicy policy = EngagementPolicy.defaults();
        assertThat(policy.contributionOf("email.replied", TouchpointSource.SALES, Direction.BUYER_INITIATED))
                .isGreaterThan(policy.contributionOf("email.replied", TouchpointSource.SALES,
                        Direction.SELLER_INITIATED));
    }

    @Example
    void inconsistentPoliciesAreRefused() {
        EngagementPolicy d = EngagementPolicy.defaults();
        Set<CommitteeRole> roles = d.requiredRoles();
        assertThatThrownBy(() -> new EngagementPolicy(Duration.ZERO, Map.of(), 0.6, 1, 15, 0.3, roles))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementPolicy(Duration.ofDays(-1), Map.of(), 0.6, 1, 15, 0.3, roles))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementPolicy(Duration.ofDays(1), Map.of(), 0.6, 1, 0, 0.3, roles))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementPolicy(Duration.ofDays(1), Map.of(), 0.6, 1, 15, 1.1, roles))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementPolicy(Duration.ofDays(1), Map.of(), 0.6, 1, 15, 0.3,
                EnumSet.noneOf(CommitteeRole.class))).isInstanceOf(IllegalArgumentException.class);
    }
}
