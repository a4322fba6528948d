package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.CommitteeMemberAdded;
import dev.tandem.events.JourneyEventV1.MomentumShifted;
import dev.tandem.events.JourneyEventV1.RoleAssigned;
import dev.tandem.events.JourneyEventV1.TouchpointRecorded;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.journey.CommitteeFacts;
import dev.tandem.model.journey.Stall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's buying-committee journey: the aggregate that turns touchpoints into journey events.
 *
 * <p>Engagement is held as of {@code asOf}, the latest event time applied. A touchpoint at or before it adds
 * its contribution decayed to {@code asOf}; a later one first decays everything forward. Addition being
 * commutative, the engagement does not depend on the order touchpoints arrive in.
 */
public final class AccountJourney {

    private final String tenantId;
    private final String accountKey;
    private final JourneyContext context;
    private final EngagementPolicy policy;
    private final RoleInference roles;
    private JourneyProgression progression;
    private long version;
    private Instant asOf;
    private long touchpointCount;
    private Map<String, Long> touchpointsBySource = new TreeMap<>();
    private Map<String, Member> members = new TreeMap<>();
    private int momentum;
    // derived by a clock, never part of canonical history: the stall readers were told of between touchpoints
    private Stall liveStall;
    private Instant liveStallAt;
    // engine bookkeeping (stored, never on the wire)
    private int sinceCheckpoint;
    private boolean historyPruned;

    private static final class Member {
        double engagement;
        long touchpointCount;
        Instant lastEngagedAt;
        // two last-writer-wins registers keyed by (event time, event id): independent of arrival order
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

        AccountSnapshotV1.RoleEvidence evidence() {
            return new AccountSnapshotV1.RoleEvidence(inferredRole, inferredAt, inferredBy, assignedRole, assignedAt,
                    assignedBy);
        }
    }

    private AccountJourney(String tenantId, String accountKey, JourneyContext context,
            AccountSnapshotV1.JourneyProgress progress) {
        this.tenantId = tenantId;
        this.accountKey = accountKey;
        this.context = context;
        this.policy = context.policy();
        this.roles = context.roles();
        this.progression = JourneyProgression.restore(progress, context);
    }

    /** A new account measured against {@code context}'s journey. */
    public static AccountJourney start(String tenantId, String accountKey, JourneyContext context) {
        return new AccountJourney(tenantId, accountKey, context, null);
    }

    /** A new account on the default journey with the given policy and roles (tests, simulations). */
    public static AccountJourney start(String tenantId, String accountKey, EngagementPolicy policy,
            RoleInference roles) {
        return start(tenantId, accountKey, withPolicy(JourneyContext.defaults(tenantId), policy, roles));
    }

    public static AccountJourney restore(AccountSnapshotV1 snapshot, EngagementPolicy policy, RoleInference roles) {
        return restore(snapshot, withPolicy(JourneyContext.defaults(snapshot.tenantId()), policy, roles));
    }

    private static JourneyContext withPolicy(JourneyContext context, EngagementPolicy policy, RoleInference roles) {
        return new JourneyContext(context.definition(), context.evaluator(), policy, roles);
    }

    /** Rebuilds the aggregate from its last snapshot (the snapshot is the whole state). */
    public static AccountJourney restore(AccountSnapshotV1 snapshot, JourneyContext context) {
        AccountJourney journey = new AccountJourney(snapshot.tenantId(), snapshot.accountKey(), context,
                snapshot.journey());
        journey.version = snapshot.accountVersion();
        journey.asOf = snapshot.lastTouchpointAt();
        journey.touchpointCount = snapshot.touchpointCount();
        journey.touchpointsBySource.putAll(snapshot.touchpointsBySource());
        journey.momentum = snapshot.momentum();
        for (AccountSnapshotV1.Member m : snapshot.committee()) {
            Member member = new Member();
            member.engagement = m.engagement();
            member.touchpointCount = m.touchpointCount();
            member.lastEngagedAt = m.lastEngagedAt();
            AccountSnapshotV1.RoleEvidence evidence = m.roleEvidence();
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
            journey.members.put(m.contactKey(), member);
        }
        return journey;
    }

    /** Rebuilds the aggregate from its stored state: canonical journey, derived stall and engine bookkeeping. */
    public static AccountJourney restore(AccountState state, JourneyContext context) {
        AccountJourney journey = restore(state.canonical(), context);
        journey.liveStall = state.liveStall();
        journey.liveStallAt = state.liveStallAt();
        journey.sinceCheckpoint = state.sinceCheckpoint();
        journey.historyPruned = state.historyPruned();
        return journey;
    }

    /** What is stored for the account: never on the wire. */
    public AccountState state() {
        return new AccountState(canonicalSnapshot(), liveStall, liveStallAt, sinceCheckpoint, historyPruned);
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountKey() {
        return accountKey;
    }

    JourneyContext context() {
        return context;
    }

    /** Orders later touchpoints at the account's clock after a history position given there (see JourneyEngine). */
    void noteClockPosition(String positionId) {
        progression.noteAtClock(positionId, false);
    }

    String clockPositionId() {
        return progression.clockEventId();
    }

    int sinceCheckpoint() {
        return sinceCheckpoint;
    }

    void sinceCheckpoint(int count) {
        sinceCheckpoint = count;
    }

    boolean historyPruned() {
        return historyPruned;
    }

    void historyPruned(boolean pruned) {
        historyPruned = pruned;
    }

    public long version() {
        return version;
    }

    public int momentum() {
        return momentum;
    }

    /** The account's clock: the latest event time applied (null before the first touchpoint). */
    public Instant asOf() {
        return asOf;
    }

    public long touchpointCount() {
        return touchpointCount;
    }

    /**
     * Applies one touchpoint of this account and returns the journey events it caused, each with the next
     * account version. Duplicates must be filtered before (by event id): the aggregate counts what it is given.
     */
    public List<JourneyEventV1> apply(TouchpointV1 touchpoint) {
        if (!touchpoint.tenantId().equals(tenantId) || !touchpoint.accountKey().equals(accountKey)) {
            throw new IllegalArgumentException("touchpoint " + touchpoint.eventId() + " is not of this account");
        }
        List<JourneyEventV1.Payload> facts = new ArrayList<>();
        boolean advanced = asOf == null || touchpoint.occurredAt().isAfter(asOf);
        advanceTo(touchpoint.occurredAt());
        if (touchpoint.occurredAt().equals(asOf)) {
            progression.noteAtClock(touchpoint.eventId(), advanced);
        }
        touchpointCount++;
        touchpointsBySource.merge(touchpoint.source().wireName(), 1L, Long::sum);
        double contribution = contributionOf(touchpoint, null);
        if (touchpoint.contactKey() != null) {
            Member member = members.get(touchpoint.contactKey());
            boolean added = member == null;
            if (added) {
                member = new Member();
                members.put(touchpoint.contactKey(), member);
            }
            CommitteeRole roleBefore = member.role();
            RoleSource sourceBefore = member.roleSource();
            updateRoles(member, touchpoint);
            contribution = contributionOf(touchpoint, member.role());
            if (added) {
                facts.add(new CommitteeMemberAdded(touchpoint.contactKey(), member.role(), member.roleSource()));
            } else if (member.role() != roleBefore || member.roleSource() != sourceBefore) {
                facts.add(new RoleAssigned(touchpoint.contactKey(), roleBefore, member.role(), member.roleSource()));
            }
            member.engagement += policy.decay(contribution, Duration.between(touchpoint.occurredAt(), asOf));
            member.touchpointCount++;
            if (member.lastEngagedAt == null || touchpoint.occurredAt().isAfter(member.lastEngagedAt)) {
                member.lastEngagedAt = touchpoint.occurredAt();
            }
        }

        facts.add(0, new TouchpointRecorded(touchpoint.eventId(), touchpoint.type(), touchpoint.source(),
                touchpoint.direction(), touchpoint.contactKey(), contribution));
        progression.record(touchpoint.type(), touchpoint.direction(), touchpoint.contactKey(),
                key -> members.get(key).role(), touchpoint.occurredAt(), contribution,
                Duration.between(touchpoint.occurredAt(), asOf));
        List<String> causedBy = List.of(touchpoint.eventId());
        int previous = momentum;
        momentum = Momentum.of(memberInputs(), policy);
        if (momentum != previous) {
            facts.add(new MomentumShifted(previous, momentum));
        }
        // the stage first: an outcome closes the journey in the stage its committee had reached
        facts.addAll(progression.evaluate(factsAt(asOf), asOf, causedBy, Duration.ZERO));
        facts.addAll(progression.close(touchpoint.type(), touchpoint.occurredAt(), momentum, causedBy));
        if (momentum != previous) {
            progression.explainMomentum(previous, momentum, causedBy, touchpoint.occurredAt());
        }
        List<JourneyEventV1.Payload> told = reconcileLiveStall(facts, causedBy, touchpoint.occurredAt());
        return told.stream().map(fact -> envelope(fact, touchpoint.occurredAt(), causedBy)).toList();
    }

    /**
     * Applies a touchpoint that happened before the lateness horizon: it counts where the account is now
     * (engagement, committee, counts) but does not rewrite the stage history, and the explanation says so.
     */
    List<JourneyEventV1> applyBeyondHorizon(TouchpointV1 touchpoint, Duration horizon) {
        List<JourneyEventV1> events = apply(touchpoint);
        progression.note("late", "A touchpoint of " + touchpoint.occurredAt() + " (" + touchpoint.type()
                + ") arrived after the " + horizon.toDays() + "-day lateness horizon: it counts for engagement and "
                + "the committee, but the stage history was not rewritten.", List.of(touchpoint.eventId()), asOf);
        return events;
    }

    /**
     * Takes over {@code canonical}, the account rebuilt in event-time order from a checkpoint with new
     * touchpoints in place, and answers the journey events that correct readers to it: the new touchpoints
     * ({@code recorded}, with their weight as counted in place), then whatever differs (members, roles,
     * momentum, stage, stall, outcome). The version goes on from ours, so it stays gapless.
     */
    List<JourneyEventV1> adopt(AccountJourney canonical, List<JourneyEventV1.Payload> recorded, List<String> causedBy,
            Instant at) {
        List<JourneyEventV1.Payload> facts = new ArrayList<>(recorded);
        canonical.members.forEach((key, member) -> {
            Member before = members.get(key);
            if (before == null) {
                facts.add(new CommitteeMemberAdded(key, member.role(), member.roleSource()));
            } else if (before.role() != member.role() || before.roleSource() != member.roleSource()) {
                facts.add(new RoleAssigned(key, before.role(), member.role(), member.roleSource()));
            }
        });
        if (canonical.momentum != momentum) {
            facts.add(new MomentumShifted(momentum, canonical.momentum));
        }
        facts.addAll(canonical.progression.differencesFrom(progression, canonical.asOf, canonical.momentum));
        progression = canonical.progression;
        asOf = canonical.asOf;
        touchpointCount = canonical.touchpointCount;
        touchpointsBySource = canonical.touchpointsBySource;
        members = canonical.members;
        momentum = canonical.momentum;
        List<JourneyEventV1.Payload> told = reconcileLiveStall(facts, causedBy, at);
        return told.stream().map(fact -> envelope(fact, at, causedBy)).toList();
    }

    /**
     * Readers were last told of the stall a clock derived ({@link #liveStall}), not of the canonical one: the
     * canonical stall events of a change are rewritten against what readers were told, and the live stall ends
     * (the touchpoints are the newer word; the next tick derives again). The explanation of a stall that ends so
     * is recorded like any other: explanations say what is true now.
     */
    private List<JourneyEventV1.Payload> reconcileLiveStall(List<JourneyEventV1.Payload> facts, List<String> causedBy,
            Instant at) {
        Stall told = liveStall;
        if (told == null) {
            return facts;
        }
        liveStall = null;
        liveStallAt = null;
        List<JourneyEventV1.Payload> out = new ArrayList<>();
        for (JourneyEventV1.Payload fact : facts) {
            if (fact instanceof JourneyEventV1.StallDetected detected) {
                if (told == null || !sameStall(detected, told)) {
                    out.add(fact);
                }
                told = null; // from here on the canonical events speak for themselves
            } else if (fact instanceof JourneyEventV1.StallCleared cleared) {
                if (told != null) {
                    out.add(new JourneyEventV1.StallCleared(told.stageKey(), told.since(), cleared.explanation()));
                    told = null;
                } else {
                    out.add(fact);
                }
            } else {
                out.add(fact);
            }
        }
        if (told != null) {
            Stall now = progression.activeStall();
            if (now == null) {
                String text = settle(out, told);
                progression.note("stall", text, causedBy, at);
            } else if (!now.sameAs(told)) {
                out.add(JourneyProgression.detected(now));
            }
        }
        return out;
    }

    /** The live stall ends: with the move to another stage, with the close, or as the committee moves again. */
    private static String settle(List<JourneyEventV1.Payload> out, Stall live) {
        for (int i = 0; i < out.size(); i++) {
            String text = null;
            if (out.get(i) instanceof JourneyEventV1.StageEntered entered && !entered.stageKey().equals(live.stageKey())) {
                text = "The stall ended with the move to " + entered.stageName() + ".";
            } else if (out.get(i) instanceof JourneyEventV1.DealClosed) {
                text = "The stall ended with the deal closed.";
            }
            if (text != null) {
                out.add(i, new JourneyEventV1.StallCleared(live.stageKey(), live.since(), text));
                return text;
            }
        }
        String text = "The committee moves again in " + live.stageName() + ".";
        out.add(new JourneyEventV1.StallCleared(live.stageKey(), live.since(), text));
        return text;
    }

    private static int indexOfDealClosed(List<JourneyEventV1.Payload> facts) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) instanceof JourneyEventV1.DealClosed) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameStall(JourneyEventV1.StallDetected detected, Stall stall) {
        return detected.stageKey().equals(stall.stageKey()) && detected.reasons().equals(stall.reasons())
                && detected.silentRoles().equals(stall.silentRoles());
    }


    /**
     * Whether {@code touchpoint} happened before the account's clock: then {@link #apply} would count it
     * correctly for engagement and momentum but the stage path, stalls and outcome were decided without it,
     * so the caller should use {@link #applyLate} with the account's history instead.
     */
    public boolean isLate(TouchpointV1 touchpoint) {
        if (asOf == null) {
            return false;
        }
        // a second outcome at the very same time must be ordered by event id, like everything in a replay
        boolean tiedOutcome = touchpoint.occurredAt().equals(asOf) && progression.isClosed()
                && DealOutcome.ofTouchpointType(touchpoint.type()).isPresent();
        // equal times are ordered by event id, as in a replay
        String atClock = progression.clockEventId();
        boolean tiedBefore = touchpoint.occurredAt().equals(asOf) && atClock != null
                && touchpoint.eventId().compareTo(atClock) < 0;
        return touchpoint.occurredAt().isBefore(asOf) || tiedBefore || tiedOutcome;
    }

    /**
     * What the clock alone changes at {@code now} (wall time live, stream time in replay and simulation): the
     * stall the committee is in, with engagement decayed to {@code now}. Derived, never canonical: no stage
     * moves, nothing of the history changes, and the next touchpoint supersedes it. Before the account's own
     * clock, or with the same stall already told, it answers nothing.
     */
    public List<JourneyEventV1> tick(Instant now) {
        if (asOf == null || now.isBefore(asOf)) {
            return List.of();
        }
        Duration elapsed = Duration.between(asOf, now);
        List<Momentum.Input> decayed = members.values().stream()
                .map(m -> new Momentum.Input(m.role(), policy.decay(m.engagement, elapsed))).toList();
        Optional<Stall> derived = progression.stallAt(factsAt(now, Momentum.of(decayed, policy), decayed), now);
        Stall told = liveStall != null ? liveStall : progression.activeStall();
        if (derived.isEmpty() || derived.get().sameAs(told)) {
            return List.of();
        }
        liveStall = derived.get();
        liveStallAt = now;
        return List.of(envelope(JourneyProgression.detected(liveStall), now, List.of()));
    }

    /**
     * The first instant after {@code after} at which {@link #tick} could answer something new: a stage's quiet
     * threshold, or a required role going silent (its engaged members decayed below the threshold and its own
     * quiet threshold passed). Empty for a closed journey. A live scheduler visits the account then, not before.
     */
    public Optional<Instant> nextCheckAt(Instant after) {
        if (asOf == null) {
            return Optional.empty();
        }
        return progression.stallCandidates(this::disengagedAt).stream()
                // the detector wants strictly more quiet than the threshold
                .map(candidate -> candidate.plusMillis(1))
                .filter(candidate -> candidate.isAfter(after))
                .min(Comparator.naturalOrder());
    }

    /** When the last engaged member of {@code role} decays below the engaged threshold; empty if none is engaged. */
    private Optional<Instant> disengagedAt(CommitteeRole role) {
        double threshold = policy.engagedThreshold();
        return members.values().stream()
                .filter(m -> m.role() == role && m.engagement >= threshold && m.engagement > 0)
                .map(m -> asOf.plusMillis((long) (policy.halfLife().toMillis()
                        * (Math.log(m.engagement / threshold) / Math.log(2)))))
                .max(Comparator.naturalOrder());
    }

    private List<Momentum.Input> memberInputs() {
        return members.values().stream().map(m -> new Momentum.Input(m.role(), m.engagement)).toList();
    }

    private CommitteeFacts factsAt(Instant now) {
        return factsAt(now, momentum, memberInputs());
    }

    private CommitteeFacts factsAt(Instant now, int momentum, List<Momentum.Input> memberInputs) {
        Instant lastMeaningful = progression.lastMeaningfulTouchAt();
        double quietDays = lastMeaningful == null ? 0 : CommitteeFacts.daysBetween(lastMeaningful, now);
        return CommitteeFacts.summarise(momentum, memberInputs, policy.engagedThreshold(),
                progression.typeCounts(), touchpointsBySource, progression.buyerInitiated(),
                progression.sellerInitiated(), quietDays);
    }

    /**
     * What a touchpoint adds to engagement: type weight × source × direction, times
     * {@link JourneyProgression#INTERACTION_POINT_FACTOR} when it is one of the interaction points the designer
     * set for the contact's role in the stage the account is in (it is what moves that persona forward there).
     */
    private double contributionOf(TouchpointV1 touchpoint, CommitteeRole role) {
        return policy.contributionOf(touchpoint.type(), touchpoint.source(), touchpoint.direction())
                * progression.interactionFactor(role, touchpoint.type());
    }

    /** A touchpoint's title and assignment count only if no newer one (by event time, then id) set them. */
    private void updateRoles(Member member, TouchpointV1 touchpoint) {
        if (touchpoint.contactTitle() != null && !touchpoint.contactTitle().isBlank()
                && isNewer(touchpoint, member.inferredAt, member.inferredBy)) {
            member.inferredRole = roles.infer(touchpoint.contactTitle());
            member.inferredAt = touchpoint.occurredAt();
            member.inferredBy = touchpoint.eventId();
        }
        Optional<CommitteeRole> assigned = assignedRole(touchpoint);
        if (assigned.isPresent() && isNewer(touchpoint, member.assignedAt, member.assignedBy)) {
            member.assignedRole = assigned.get();
            member.assignedAt = touchpoint.occurredAt();
            member.assignedBy = touchpoint.eventId();
        }
    }

    private static boolean isNewer(TouchpointV1 touchpoint, Instant setAt, String setBy) {
        if (setAt == null) {
            return true;
        }
        int byTime = touchpoint.occurredAt().compareTo(setAt);
        return byTime > 0 || (byTime == 0 && (setBy == null || touchpoint.eventId().compareTo(setBy) > 0));
    }

    private static Optional<CommitteeRole> assignedRole(TouchpointV1 touchpoint) {
        if (!TouchpointCatalog.ROLE_ASSIGNED.equals(touchpoint.type())) {
            return Optional.empty();
        }
        return Optional.ofNullable(touchpoint.properties().get("role"))
                .map(Object::toString)
                .flatMap(CommitteeRole::fromWireName);
    }

    /** Moves the account's clock forward to {@code time}, decaying every member's engagement on the way. */
    private void advanceTo(Instant time) {
        if (asOf == null) {
            asOf = time;
            return;
        }
        if (time.isAfter(asOf)) {
            Duration elapsed = Duration.between(asOf, time);
            members.values().forEach(m -> m.engagement = policy.decay(m.engagement, elapsed));
            progression.decay(elapsed);
            asOf = time;
        }
    }

    private JourneyEventV1 envelope(JourneyEventV1.Payload fact, Instant occurredAt, List<String> causedBy) {
        version++;
        return new JourneyEventV1(JourneyEventV1.eventIdOf(tenantId, accountKey, version), tenantId, accountKey,
                version, occurredAt, causedBy, fact);
    }

    /**
     * The account as readers should see it: the canonical journey, with the stall a clock derived since the
     * last touchpoint (if any) as the alert, the stall explanation and a stalled trend.
     */
    public AccountSnapshotV1 snapshot() {
        AccountSnapshotV1 canonical = canonicalSnapshot();
        if (liveStall == null) {
            return canonical;
        }
        AccountSnapshotV1.JourneyProgress p = canonical.journey();
        List<AccountSnapshotV1.Explanation> explanations = new ArrayList<>(p.explanations().stream()
                .filter(e -> !e.kind().equals("stall")).toList());
        explanations.add(progression.derivedExplanation(liveStall.explanation(), liveStallAt));
        AccountSnapshotV1.JourneyProgress told = new AccountSnapshotV1.JourneyProgress(p.journeyId(),
                p.journeyVersion(), p.stageKey(), p.stageName(), p.stageEnteredAt(), Trend.STALLED,
                List.of(liveStall), p.stageHistory(), explanations, p.outcome(), p.closedAt(), p.typeCounts(),
                p.buyerInitiated(), p.sellerInitiated(), p.activity(), p.recentActivity(), p.sustainedActivity(),
                p.clockEventId());
        return new AccountSnapshotV1(canonical.tenantId(), canonical.accountKey(), canonical.accountVersion(),
                canonical.momentum(), canonical.touchpointCount(), canonical.touchpointsBySource(),
                canonical.lastTouchpointAt(), canonical.committee(), told);
    }

    /** The account as a function of its touchpoints alone (what checkpoints keep). */
    public AccountSnapshotV1 canonicalSnapshot() {
        List<AccountSnapshotV1.Member> committee = members.entrySet().stream()
                .map(e -> new AccountSnapshotV1.Member(e.getKey(), e.getValue().role(), e.getValue().roleSource(),
                        e.getValue().engagement, e.getValue().touchpointCount, e.getValue().lastEngagedAt,
                        e.getValue().evidence()))
                .toList();
        return new AccountSnapshotV1(tenantId, accountKey, version, momentum, touchpointCount, touchpointsBySource,
                asOf, committee, progression.progress());
    }
}
