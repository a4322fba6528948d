package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPI state of one account and how a journey event changes it. Pure and immutable: {@link #apply} returns the
 * next state, and an event whose {@code accountVersion} is not newer than {@link #accountVersion} returns this
 * state unchanged, so replays and duplicates converge.
 *
 * @param memberRoles each committee member's current role, by contact key; the counts by role derive from it, so
 *                    a member is never counted twice or under a stale role
 * @param momentum the latest momentum, or null before the first MomentumShifted
 * @param journey stage, stall and outcome KPIs
 * @param facts what the funnel, velocity, stall, coverage, attribution, outcome, reason and enablement KPIs need
 */
public record AccountKpis(
        String tenantId,
        String accountKey,
        long accountVersion,
        Map<TouchpointSource, Long> touchpointsBySource,
        Map<String, CommitteeRole> memberRoles,
        Integer momentum,
        StageKpis journey,
        KpiFacts facts) {

    /** A state without the facts beyond counts (none applied yet). */
    public AccountKpis(String tenantId, String accountKey, long accountVersion,
            Map<TouchpointSource, Long> touchpointsBySource, Map<String, CommitteeRole> memberRoles, Integer momentum,
            StageKpis journey) {
        this(tenantId, accountKey, accountVersion, touchpointsBySource, memberRoles, momentum, journey,
                KpiFacts.none());
    }

    /** A state without journey KPIs yet. */
    public AccountKpis(String tenantId, String accountKey, long accountVersion,
            Map<TouchpointSource, Long> touchpointsBySource, Map<String, CommitteeRole> memberRoles, Integer momentum) {
        this(tenantId, accountKey, accountVersion, touchpointsBySource, memberRoles, momentum, StageKpis.none());
    }

    public AccountKpis {
        journey = journey == null ? StageKpis.none() : journey;
        facts = facts == null ? KpiFacts.none() : facts;
        EnumMap<TouchpointSource, Long> sources = new EnumMap<>(TouchpointSource.class);
        for (TouchpointSource source : TouchpointSource.values()) {
            sources.put(source, touchpointsBySource.getOrDefault(source, 0L));
        }
        touchpointsBySource = Collections.unmodifiableMap(sources);
        memberRoles = Collections.unmodifiableMap(new TreeMap<>(memberRoles));
    }

    /** An account no event was applied to yet. */
    public static AccountKpis untracked(String tenantId, String accountKey) {
        return new AccountKpis(tenantId, accountKey, 0, Map.of(), Map.of(), null);
    }

    /** Whether the event is newer than this state, i.e. would be applied. */
    public boolean accepts(JourneyEventV1 event) {
        return event.accountVersion() > accountVersion;
    }

    /** Whether versions between this state and the event are missing (lost to retention or dead-lettered). */
    public boolean hasGapBefore(JourneyEventV1 event) {
        return event.accountVersion() > accountVersion + 1;
    }

    public AccountKpis apply(JourneyEventV1 event) {
        if (!accepts(event)) {
            return this;
        }
        Map<TouchpointSource, Long> sources = touchpointsBySource;
        Map<String, CommitteeRole> roles = memberRoles;
        Integer nextMomentum = momentum;
        JourneyEventV1.Payload data = event.data();
        if (data instanceof JourneyEventV1.TouchpointRecorded touchpoint) {
            sources = new EnumMap<>(touchpointsBySource);
            sources.merge(touchpoint.source(), 1L, Long::sum);
        } else if (data instanceof JourneyEventV1.CommitteeMemberAdded added) {
            roles = withRole(added.contactKey(), added.role());
        } else if (data instanceof JourneyEventV1.CommitteeMemberLeft left) {
            // engagement decayed to nothing: no longer on the committee the KPIs count
            roles = new TreeMap<>(memberRoles);
            roles.remove(left.contactKey());
        } else if (data instanceof JourneyEventV1.RoleAssigned assigned) {
            // the stored role is the truth about where the member moves from; previousRole only documents it
            roles = withRole(assigned.contactKey(), assigned.role());
        } else if (data instanceof JourneyEventV1.MomentumShifted shifted) {
            nextMomentum = shifted.momentum();
        }
        facts.apply(event, roles);
        return new AccountKpis(tenantId, accountKey, event.accountVersion(), sources, roles, nextMomentum,
                journey.apply(data, event.occurredAt()), facts);
    }

    /**
     * What this account adds to each of its tenant's totals ({@link KpiKeys}); an account no event reached adds
     * nothing. Read it before applying further events: they change the facts in place.
     */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new java.util.HashMap<>();
        if (accountVersion == 0) {
            return counters;
        }
        counters.put(KpiKeys.key(KpiKeys.ACCOUNTS), 1L);
        touchpointsBySource.forEach((source, count) -> {
            if (count != 0) {
                counters.put(KpiKeys.key(KpiKeys.TOUCHPOINTS, source.wireName()), count);
            }
        });
        memberRoles.values().forEach(role -> counters.merge(KpiKeys.key(KpiKeys.MEMBERS, role.wireName()), 1L,
                Long::sum));
        if (momentum != null) {
            counters.put(KpiKeys.key(KpiKeys.MOMENTUM, "sum"), (long) momentum);
            counters.put(KpiKeys.key(KpiKeys.MOMENTUM, "count"), 1L);
        }
        if (journey.outcome() == null && journey.currentStage() != null) {
            counters.put(KpiKeys.key(KpiKeys.OPEN, journey.currentStage()), 1L);
            if (journey.stalled()) {
                counters.put(KpiKeys.key(KpiKeys.STALLED, journey.currentStage()), 1L);
            }
        }
        journey.transitions().forEach(move -> counters.put(KpiKeys.key(KpiKeys.TRANSITIONS, move.from(), move.to()),
                1L));
        facts.countInto(counters, memberRoles.values());
        return counters;
    }

    public long touchpointCount() {
        return touchpointsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Members per role, every role present (zero when none). */
    public Map<CommitteeRole, Long> membersByRole() {
        EnumMap<CommitteeRole, Long> counts = new EnumMap<>(CommitteeRole.class);
        for (CommitteeRole role : CommitteeRole.values()) {
            counts.put(role, 0L);
        }
        memberRoles.values().forEach(role -> counts.merge(role, 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    private Map<String, CommitteeRole> withRole(String contactKey, CommitteeRole role) {
        Map<String, CommitteeRole> roles = new TreeMap<>(memberRoles);
        roles.put(contactKey, role);
        return roles;
    }
}
