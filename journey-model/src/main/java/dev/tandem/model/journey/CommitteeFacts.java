package dev.tandem.model.journey;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelVariableResolver;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Momentum;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
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
    private static final SortedMap<String, Long> ZERO_TYPE_COUNTS = zeros(TouchpointCatalog.standardTypes(), 0L);
    private static final SortedMap<String, Double> ZERO_ROLES =
            zeros(EnumSet.allOf(CommitteeRole.class).stream().map(CommitteeRole::wireName).toList(), 0.0);
    private static final SortedMap<String, Long> ZERO_SOURCES =
            zeros(EnumSet.allOf(TouchpointSource.class).stream().map(TouchpointSource::wireName).toList(), 0L);

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
        // plain loops: this runs for every touchpoint of every account
        long touchpoints = 0;
        List<String> types = new ArrayList<>(typeCounts.size());
        for (Map.Entry<String, Long> count : typeCounts.entrySet()) {
            touchpoints += count.getValue();
            if (count.getValue() > 0) {
                types.add(count.getKey());
            }
        }
        List<String> engagedRoles = new ArrayList<>(engaged.size());
        for (CommitteeRole role : engaged) {
            engagedRoles.add(role.wireName());
        }
        return new CommitteeFacts(momentum, touchpoints, types, typeCounts, members.size(), engagedMembers,
                engagedRoles, engagementByRole, daysSinceMeaningfulTouch, buyerInitiated, sellerInitiated, sources);
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
        Map<String, Object> activation = new LinkedHashMap<>();
        for (String name : celVariables().keySet()) {
            activation.put(name, variable(name));
        }
        return activation;
    }

    /**
     * The same variables for CEL, each computed when an expression first reads it and then kept: criteria read
     * a few of them, so the maps filled with zeros are built only when asked for. One per evaluation of a
     * journey's criteria; not thread-safe.
     */
    CelVariableResolver resolver() {
        Map<String, Object> read = new HashMap<>();
        return name -> Optional.ofNullable(read.computeIfAbsent(name, this::variable));
    }

    /**
     * What variable {@code name} is computed from: equal inputs give equal values, so an expression's result can
     * be remembered by them (the maps without the zeros {@link #variable} fills in).
     */
    Object input(String name) {
        return switch (name) {
            case "typeCounts" -> typeCounts;
            case "roles" -> roles;
            case "sources" -> sources;
            default -> variable(name);
        };
    }

    private Object variable(String name) {
        return switch (name) {
            case "momentum" -> (long) momentum;
            case "touchpoints" -> touchpoints;
            case "types" -> types;
            case "typeCounts" -> withZeros(ZERO_TYPE_COUNTS, typeCounts);
            case "members" -> (long) members;
            case "engagedMembers" -> (long) engagedMembers;
            case "engagedRoles" -> engagedRoles;
            case "roles" -> withZeros(ZERO_ROLES, roles);
            case "daysSinceMeaningfulTouch" -> daysSinceMeaningfulTouch;
            case "buyerInitiated" -> buyerInitiated;
            case "sellerInitiated" -> sellerInitiated;
            case "sources" -> withZeros(ZERO_SOURCES, sources);
            default -> null;
        };
    }

    private static <V> Map<String, V> withZeros(SortedMap<String, V> zeros, Map<String, V> values) {
        Map<String, V> all = new TreeMap<>(zeros);
        all.putAll(values);
        return all;
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

    private static <V> SortedMap<String, V> zeros(Collection<String> keys, V zero) {
        SortedMap<String, V> zeros = new TreeMap<>();
        keys.forEach(key -> zeros.put(key, zero));
        return java.util.Collections.unmodifiableSortedMap(zeros);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
