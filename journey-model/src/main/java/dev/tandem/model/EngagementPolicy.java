package dev.tandem.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The knobs of engagement and momentum. See {@code docs/momentum.md} for the formula they parameterise.
 *
 * @param halfLife time after which a touchpoint's contribution to engagement has halved
 * @param sourceFactors multiplier per source (a seller's meeting and a marketing email are not equal)
 * @param sellerInitiatedFactor multiplier for seller-initiated touchpoints (buyer-initiated count 1.0)
 * @param engagedThreshold engagement at which a member counts as engaged for committee breadth
 * @param saturation total engagement at which intensity reaches 1 - 1/e (about 63%)
 * @param soloCap the share of 100 a committee with no required role engaged can reach at most
 * @param requiredRoles the roles whose engagement the journey needs: breadth is measured against them
 */
public record EngagementPolicy(
        Duration halfLife,
        Map<TouchpointSource, Double> sourceFactors,
        double sellerInitiatedFactor,
        double engagedThreshold,
        double saturation,
        double soloCap,
        Set<CommitteeRole> requiredRoles) {

    public EngagementPolicy {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive");
        }
        if (saturation <= 0 || soloCap < 0 || soloCap > 1 || requiredRoles.isEmpty()) {
            throw new IllegalArgumentException("saturation > 0, 0 <= soloCap <= 1, some required role");
        }
        sourceFactors = Map.copyOf(sourceFactors);
        requiredRoles = Set.copyOf(requiredRoles);
    }

    public static EngagementPolicy defaults() {
        Map<TouchpointSource, Double> factors = new EnumMap<>(TouchpointSource.class);
        factors.put(TouchpointSource.MARKETING, 1.0);
        factors.put(TouchpointSource.SALES, 1.2);
        factors.put(TouchpointSource.PRODUCT, 1.1);
        factors.put(TouchpointSource.PARTNER, 0.9);
        factors.put(TouchpointSource.CUSTOMER_SUCCESS, 1.0);
        return new EngagementPolicy(Duration.ofDays(14), factors, 0.6, 1.0, 15.0, 0.3,
                EnumSet.of(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.CHAMPION,
                        CommitteeRole.TECHNICAL_EVALUATOR, CommitteeRole.END_USER));
    }

    /** The engagement a touchpoint adds at the moment it happens. */
    public double contributionOf(String type, TouchpointSource source, Direction direction) {
        double directionFactor = direction == Direction.SELLER_INITIATED ? sellerInitiatedFactor : 1.0;
        return TouchpointCatalog.weightOf(type) * sourceFactors.getOrDefault(source, 1.0) * directionFactor;
    }

    /** {@code value} observed at one time, seen {@code elapsed} later: halves every {@link #halfLife}. */
    public double decay(double value, Duration elapsed) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return value;
        }
        double halfLives = (double) elapsed.toMillis() / halfLife.toMillis();
        return value * Math.pow(0.5, halfLives);
    }
}
