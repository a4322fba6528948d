package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.CommitteeMemberAdded;
import dev.tandem.events.JourneyEventV1.CommitteeMemberLeft;
import dev.tandem.events.JourneyEventV1.RoleAssigned;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.state.CanonicalAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An account's buying committee: who engaged, in which role, and how much, as of the account's clock. Roles are
 * two last-writer-wins registers per member (title-inferred and assigned), keyed by event time then event id, so
 * they do not depend on arrival order. A member whose engagement decayed below {@link #FORGOTTEN_BELOW} leaves:
 * the committee an account carries is bounded by who is still engaged, not by everyone ever touched.
 */
final class Committee {

    /** Engagement below which a member has decayed to nothing (months of silence) and leaves the committee. */
    static final double FORGOTTEN_BELOW = 0.01;

    private final Map<String, Member> members = new TreeMap<>();

    static final class Member {
        double engagement;
        long touchpointCount;
        Instant lastEngagedAt;
        CommitteeRole inferredRole;
        Instant inferredAt;
        String inferredBy;
        CommitteeRole assignedRole;
        Instant assignedAt;
        String assignedBy;

        CommitteeRole role() {
            if (assignedRole != null) {
                return assignedRole;
            }
            return inferredRole != null ? inferredRole : CommitteeRole.INFLUENCER;
        }

        RoleSource roleSource() {
            return assignedRole != null ? RoleSource.ASSIGNED : RoleSource.INFERRED;
        }
    }

    static Committee restore(List<CanonicalAccount.Member> stored) {
        Committee committee = new Committee();
        for (CanonicalAccount.Member m : stored) {
            Member member = new Member();
            member.engagement = m.engagement();
            member.touchpointCount = m.touchpointCount();
            member.lastEngagedAt = m.lastEngagedAt();
            CanonicalAccount.RoleEvidence evidence = m.roleEvidence();
            if (evidence != null) {
                member.inferredRole = evidence.inferredRole();
                member.inferredAt = evidence.inferredAt();
                member.inferredBy = evidence.inferredBy();
                member.assignedRole = evidence.assignedRole();
                member.assignedAt = evidence.assignedAt();
                member.assignedBy = evidence.assignedBy();
            } else if (m.roleSource() == RoleSource.ASSIGNED) {
                member.assignedRole = m.role();
            } else {
                member.inferredRole = m.role();
            }
            committee.members.put(m.contactKey(), member);
        }
        return committee;
    }

    /**
     * Notes the contact of {@code touchpoint} (new member, newer title or assignment) and answers the facts it
     * makes: a member added, or a role changed. Engagement is added separately ({@link #engage}), once the
     * contribution is known for the member's role.
     */
    List<JourneyEventV1.Payload> note(TouchpointV1 touchpoint, RoleInference roles) {
        Member member = members.get(touchpoint.contactKey());
        boolean added = member == null;
        if (added) {
            member = new Member();
            members.put(touchpoint.contactKey(), member);
        }
        CommitteeRole roleBefore = member.role();
        RoleSource sourceBefore = member.roleSource();
        updateRoles(member, touchpoint, roles);
        if (added) {
            return List.of(new CommitteeMemberAdded(touchpoint.contactKey(), member.role(), member.roleSource()));
        }
        if (member.role() != roleBefore || member.roleSource() != sourceBefore) {
            return List.of(new RoleAssigned(touchpoint.contactKey(), roleBefore, member.role(), member.roleSource()));
        }
        return List.of();
    }

    /** Adds an engagement contribution (already decayed to the account's clock) to a noted member. */
    void engage(String contactKey, double contribution, Instant occurredAt) {
        Member member = members.get(contactKey);
        member.engagement += contribution;
        member.touchpointCount++;
        if (member.lastEngagedAt == null || occurredAt.isAfter(member.lastEngagedAt)) {
            member.lastEngagedAt = occurredAt;
        }
    }

    CommitteeRole roleOf(String contactKey) {
        return members.get(contactKey).role();
    }

    /**
     * Decays every member's engagement by {@code elapsed} (the account's clock moved forward); members decayed
     * to nothing leave, and the facts say so, except {@code returning}, the contact of the touchpoint that moved
     * the clock (it engages again, so it keeps its roles).
     */
    List<JourneyEventV1.Payload> decay(Duration elapsed, EngagementPolicy policy, String returning) {
        List<JourneyEventV1.Payload> left = new ArrayList<>();
        double factor = policy.decay(1.0, elapsed); // one power per call, not one per member
        Iterator<Map.Entry<String, Member>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Member> entry = it.next();
            // read before remove: a TreeMap may reuse the removed entry for its successor
            String contactKey = entry.getKey();
            Member member = entry.getValue();
            member.engagement *= factor;
            if (member.engagement < FORGOTTEN_BELOW && !contactKey.equals(returning)) {
                it.remove();
                left.add(new CommitteeMemberLeft(contactKey, member.role(), member.lastEngagedAt));
            }
        }
        return left;
    }

    /** The facts that take readers from {@code before} to this committee: members added, changed and left. */
    List<JourneyEventV1.Payload> differencesFrom(Committee before) {
        List<JourneyEventV1.Payload> facts = new ArrayList<>();
        members.forEach((key, member) -> {
            Member was = before.members.get(key);
            if (was == null) {
                facts.add(new CommitteeMemberAdded(key, member.role(), member.roleSource()));
            } else if (was.role() != member.role() || was.roleSource() != member.roleSource()) {
                facts.add(new RoleAssigned(key, was.role(), member.role(), member.roleSource()));
            }
        });
        before.members.forEach((key, was) -> {
            if (!members.containsKey(key)) {
                facts.add(new CommitteeMemberLeft(key, was.role(), was.lastEngagedAt));
            }
        });
        return facts;
    }

    List<Momentum.Input> inputs() {
        return members.values().stream().map(m -> new Momentum.Input(m.role(), m.engagement)).toList();
    }

    /** Momentum inputs with every engagement decayed by {@code elapsed}; nothing changes. */
    List<Momentum.Input> inputsAfter(Duration elapsed, EngagementPolicy policy) {
        return members.values().stream()
                .map(m -> new Momentum.Input(m.role(), policy.decay(m.engagement, elapsed))).toList();
    }

    /**
     * How long after the account's clock the last engaged member of {@code role} decays below the engaged
     * threshold; empty if none is engaged.
     */
    Optional<Duration> disengagedAfter(CommitteeRole role, EngagementPolicy policy) {
        double threshold = policy.engagedThreshold();
        return members.values().stream()
                .filter(m -> m.role() == role && m.engagement >= threshold && m.engagement > 0)
                .map(m -> belowAfter(m.engagement, threshold, policy))
                .max(Comparator.naturalOrder());
    }

    /** The first whole millisecond after which {@code engagement} has decayed below {@code threshold}. */
    private static Duration belowAfter(double engagement, double threshold, EngagementPolicy policy) {
        long millis = (long) Math.ceil(policy.halfLife().toMillis() * (Math.log(engagement / threshold) / Math.log(2)));
        // floating point may land a hair short of the threshold: step until decay really is below it
        while (policy.decay(engagement, Duration.ofMillis(millis)) >= threshold) {
            millis++;
        }
        return Duration.ofMillis(millis);
    }

    List<CanonicalAccount.Member> canonical() {
        return members.entrySet().stream().map(e -> {
            Member m = e.getValue();
            return new CanonicalAccount.Member(e.getKey(), m.role(), m.roleSource(), m.engagement, m.touchpointCount,
                    m.lastEngagedAt, new CanonicalAccount.RoleEvidence(m.inferredRole, m.inferredAt, m.inferredBy,
                            m.assignedRole, m.assignedAt, m.assignedBy));
        }).toList();
    }

    List<AccountSnapshotV1.Member> wire() {
        return members.entrySet().stream().map(e -> new AccountSnapshotV1.Member(e.getKey(), e.getValue().role(),
                e.getValue().roleSource(), e.getValue().engagement, e.getValue().touchpointCount,
                e.getValue().lastEngagedAt)).toList();
    }

    /** A touchpoint's title and assignment count only if no newer one (by event time, then id) set them. */
    private static void updateRoles(Member member, TouchpointV1 touchpoint, RoleInference roles) {
        if (touchpoint.contactTitle() != null && isNewer(touchpoint, member.inferredAt, member.inferredBy)) {
            roles.inferFromStored(touchpoint.contactTitle()).ifPresent(role -> {
                member.inferredRole = role;
                member.inferredAt = touchpoint.occurredAt();
                member.inferredBy = touchpoint.id();
            });
        }
        Optional<CommitteeRole> assigned = assignedRole(touchpoint);
        if (assigned.isPresent() && isNewer(touchpoint, member.assignedAt, member.assignedBy)) {
            member.assignedRole = assigned.get();
            member.assignedAt = touchpoint.occurredAt();
            member.assignedBy = touchpoint.id();
        }
    }

    private static boolean isNewer(TouchpointV1 touchpoint, Instant setAt, String setBy) {
        if (setAt == null) {
            return true;
        }
        int byTime = touchpoint.occurredAt().compareTo(setAt);
        return byTime > 0 || (byTime == 0 && (setBy == null || touchpoint.id().compareTo(setBy) > 0));
    }

    private static Optional<CommitteeRole> assignedRole(TouchpointV1 touchpoint) {
        if (!TouchpointCatalog.ROLE_ASSIGNED.equals(touchpoint.type())) {
            return Optional.empty();
        }
        return Optional.ofNullable(touchpoint.properties().get("role"))
                .map(Object::toString)
                .flatMap(CommitteeRole::fromWireName);
    }
}
