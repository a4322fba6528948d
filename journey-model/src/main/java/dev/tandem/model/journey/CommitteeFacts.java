package dev.tandem.model.journey;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Momentum;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What stage entry criteria can see of a buying committee: the CEL variables of {@code docs/journeys.md}.
 * Lists are sorted and maps ordered on construction, so equal committees give equal facts (and equal
 * explanations) whatever order their parts were gathered in.
 *
 * @param momentum committee momentum, 0–100
 * @param touchpoints touchpoints applied to the account
 * @param types the distinct touchpoint types seen
 * @param typeCounts touchpoints per type
 * @param members contacts on the committee
 * @param engagedMembers members whose engagement reaches the engaged threshold
 * @param engagedRoles wire names of the roles with at least one engaged member
 * @param roles engagement summed per role (wire name)
 * @param daysSinceMeaningfulTouch days from the last meaningful touchpoint to the evaluation time
 * @param buyerInitiated touchpoints the buyer started
 * @param sellerInitiated touchpoints the seller started
 * @param sources touchpoints per source (wire name)
 */
public record CommitteeFacts(
        int momentum,
        long touchpoints,
        List<String> types,
        Map<String, Long> typeCounts,
        int members,
        int engagedMembers,
        List<String> engagedRoles,
        Map<String, Double> roles,
        double daysSinceMeaningfulTouch,
        long buyerInitiated,
        long sellerInitiated,
        Map<String, Long> sources) {

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    public CommitteeFacts {
        types = types == null ? List.of() : List.copyOf(new TreeSet<>(types));
        engagedRoles = engagedRoles == null ? List.of() : List.copyOf(new TreeSet<>(engagedRoles));
        typeCounts = sorted(typeCounts);
        roles = sorted(roles);
        sources = sorted(sources);
    }

    /**
     * Facts from a committee as the aggregate holds it: the members' roles and engagement at the evaluation
     * time, and the counters the account keeps. {@code touchpoints} and {@code types} follow from
     * {@code typeCounts}.
     *
     * @param engagedThreshold engagement at which a member counts as engaged (the policy's)
     */
    public static CommitteeFacts summarise(int momentum, Collection<Momentum.Input> members, double engagedThreshold,
            Map<String, Long> typeCounts, Map<String, Long> sources, long buyerInitiated, long sellerInitiated,
            double daysSinceMeaningfulTouch) {
        Map<String, Double> engagementByRole = new TreeMap<>();
        Set<CommitteeRole> engaged = EnumSet.noneOf(CommitteeRole.class);
        int engagedMembers = 0;
        for (Momentum.Input member : members) {
            engagementByRole.merge(member.role().wireName(), Math.max(0, member.engagement()), Double::sum);
            if (member.engagement() >= engagedThreshold) {
                engagedMembers++;
                engaged.add(member.role());
            }
        }
        long touchpoints = typeCounts.values().stream().mapToLong(Long::longValue).sum();
        List<String> types = typeCounts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toList();
        return new CommitteeFacts(momentum, touchpoints, types, typeCounts, members.size(), engagedMembers,
                engaged.stream().map(CommitteeRole::wireName).toList(), engagementByRole, daysSinceMeaningfulTouch,
                buyerInitiated, sellerInitiated, sources);
    }

    /** Fractional days from {@code from} to {@code to}, never negative (a late event is not in the future). */
    public static double daysBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / MILLIS_PER_DAY);
    }

    /**
     * The CEL activation: every declared variable bound, integers as {@code Long}. Maps are filled with zeros
     * for every standard touchpoint type, role and source, so {@code typeCounts['meeting.held'] >= 2} or
     * {@code roles['economic_buyer'] > 1.0} never fails on a missing key.
     */
    public Map<String, Object> toActivation() {
        Map<String, Long> allTypeCounts = new TreeMap<>();
        TouchpointCatalog.standardTypes().forEach(type -> allTypeCounts.put(type, 0L));
        allTypeCounts.putAll(typeCounts);
        Map<String, Double> allRoles = new TreeMap<>();
        for (CommitteeRole role : CommitteeRole.values()) {
            allRoles.put(role.wireName(), 0.0);
        }
        allRoles.putAll(roles);
        Map<String, Long> allSources = new TreeMap<>();
        for (TouchpointSource source : TouchpointSource.values()) {
            allSources.put(source.wireName(), 0L);
        }
        allSources.putAll(sources);

        Map<String, Object> activation = new LinkedHashMap<>();
        activation.put("momentum", (long) momentum);
        activation.put("touchpoints", touchpoints);
        activation.put("types", types);
        activation.put("typeCounts", allTypeCounts);
        activation.put("members", (long) members);
        activation.put("engagedMembers", (long) engagedMembers);
        activation.put("engagedRoles", engagedRoles);
        activation.put("roles", allRoles);
        activation.put("daysSinceMeaningfulTouch", daysSinceMeaningfulTouch);
        activation.put("buyerInitiated", buyerInitiated);
        activation.put("sellerInitiated", sellerInitiated);
        activation.put("sources", allSources);
        return activation;
    }

    /** The CEL type of every variable {@link #toActivation()} binds: expressions are type-checked against them. */
    static Map<String, CelType> celVariables() {
        Map<String, CelType> variables = new LinkedHashMap<>();
        variables.put("momentum", SimpleType.INT);
        variables.put("touchpoints", SimpleType.INT);
        variables.put("types", ListType.create(SimpleType.STRING));
        variables.put("typeCounts", MapType.create(SimpleType.STRING, SimpleType.INT));
        variables.put("members", SimpleType.INT);
        variables.put("engagedMembers", SimpleType.INT);
        variables.put("engagedRoles", ListType.create(SimpleType.STRING));
        variables.put("roles", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
        variables.put("daysSinceMeaningfulTouch", SimpleType.DOUBLE);
        variables.put("buyerInitiated", SimpleType.INT);
        variables.put("sellerInitiated", SimpleType.INT);
        variables.put("sources", MapType.create(SimpleType.STRING, SimpleType.INT));
        return variables;
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
