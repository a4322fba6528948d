package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.MomentumShifted;
import dev.tandem.events.JourneyEventV1.TouchpointRecorded;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.journey.CommitteeFacts;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.state.AccountState;
import dev.tandem.model.state.CanonicalAccount;
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
    private Committee committee = new Committee();
    private int momentum;
    // derived by a clock, never part of canonical history: the stall readers were told of between touchpoints
    private Stall liveStall;
    private Instant liveStallAt;
    // engine bookkeeping (stored, never on the wire)
    private int sinceCheckpoint;
    private boolean historyPruned;

    private AccountJourney(String tenantId, String accountKey, JourneyContext context,
            CanonicalAccount.Progress progress) {
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

    public static AccountJourney restore(CanonicalAccount snapshot, EngagementPolicy policy, RoleInference roles) {
        return restore(snapshot, withPolicy(JourneyContext.defaults(snapshot.tenantId()), policy, roles));
    }

    private static JourneyContext withPolicy(JourneyContext context, EngagementPolicy policy, RoleInference roles) {
        return new JourneyContext(context.definition(), context.evaluator(), policy, roles);
    }

    /** Rebuilds the aggregate from its canonical state (what a checkpoint keeps). */
    public static AccountJourney restore(CanonicalAccount snapshot, JourneyContext context) {
        AccountJourney journey = new AccountJourney(snapshot.tenantId(), snapshot.accountKey(), context,
                snapshot.journey());
        journey.version = snapshot.accountVersion();
        journey.asOf = snapshot.lastTouchpointAt();
        journey.touchpointCount = snapshot.touchpointCount();
        journey.touchpointsBySource.putAll(snapshot.touchpointsBySource());
        journey.momentum = snapshot.momentum();
        journey.committee = Committee.restore(snapshot.committee());
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
        return new AccountState(canonical(), liveStall, liveStallAt, sinceCheckpoint, historyPruned);
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
            throw new IllegalArgumentException("touchpoint " + touchpoint.id() + " is not of this account");
        }
        List<JourneyEventV1.Payload> facts = new ArrayList<>();
        boolean advanced = asOf == null || touchpoint.occurredAt().isAfter(asOf);
        facts.addAll(advanceTo(touchpoint.occurredAt(), touchpoint.contactKey()));
        if (touchpoint.occurredAt().equals(asOf)) {
            progression.noteAtClock(touchpoint.id(), advanced);
        }
        touchpointCount++;
        touchpointsBySource.merge(touchpoint.source().wireName(), 1L, Long::sum);
        double contribution = contributionOf(touchpoint, null);
        if (touchpoint.contactKey() != null) {
            facts.addAll(committee.note(touchpoint, roles));
            contribution = contributionOf(touchpoint, committee.roleOf(touchpoint.contactKey()));
            committee.engage(touchpoint.contactKey(),
                    policy.decay(contribution, Duration.between(touchpoint.occurredAt(), asOf)), touchpoint.occurredAt());
        }

        facts.add(0, TouchpointRecorded.of(touchpoint, contribution));
        progression.record(touchpoint.type(), touchpoint.direction(), touchpoint.contactKey(),
                committee::roleOf, touchpoint.occurredAt(), contribution,
                Duration.between(touchpoint.occurredAt(), asOf));
        List<String> causedBy = List.of(touchpoint.id());
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
                + "the committee, but the stage history was not rewritten.", List.of(touchpoint.id()), asOf);
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
        facts.addAll(canonical.committee.differencesFrom(committee));
        if (canonical.momentum != momentum) {
            facts.add(new MomentumShifted(momentum, canonical.momentum));
        }
        facts.addAll(canonical.progression.differencesFrom(progression, canonical.asOf, canonical.momentum));
        progression = canonical.progression;
        asOf = canonical.asOf;
        touchpointCount = canonical.touchpointCount;
        touchpointsBySource = canonical.touchpointsBySource;
        committee = canonical.committee;
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
                && touchpoint.id().compareTo(atClock) < 0;
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
        Optional<Stall> derived = derivedStallAt(now);
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
        return committee.disengagedAfter(role, policy).map(asOf::plus);
    }

    private List<Momentum.Input> memberInputs() {
        return committee.inputs();
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

    /**
     * Moves the account's clock forward to {@code time}, decaying every member's engagement on the way; answers
     * the members who decayed to nothing and left (never {@code returning}, whose touchpoint moves the clock).
     */
    private List<JourneyEventV1.Payload> advanceTo(Instant time, String returning) {
        if (asOf == null) {
            asOf = time;
            return List.of();
        }
        if (!time.isAfter(asOf)) {
            return List.of();
        }
        Duration elapsed = Duration.between(asOf, time);
        progression.decay(elapsed);
        asOf = time;
        List<JourneyEventV1.Payload> left = committee.decay(elapsed, policy, returning);
        progression.forget(left.stream().map(fact -> ((JourneyEventV1.CommitteeMemberLeft) fact).contactKey())
                .toList(), committee::roleOf);
        return left;
    }

    private JourneyEventV1 envelope(JourneyEventV1.Payload fact, Instant occurredAt, List<String> causedBy) {
        version++;
        return new JourneyEventV1(JourneyEventV1.eventIdOf(tenantId, accountKey, version), tenantId, accountKey,
                version, occurredAt, causedBy, fact);
    }

    /**
     * The account as readers should see it: the canonical journey, with the stall a clock derived since the
     * last touchpoint (if any) as the alert, the stall explanation and a stalled trend; and what the clock alone
     * changes from here ({@link AccountSnapshotV1.JourneyProgress#upcoming}, {@link
     * AccountSnapshotV1.MomentumDecay}), so readers derive the account as of now.
     */
    public AccountSnapshotV1 snapshot() {
        CanonicalAccount.Progress p = progression.progress();
        List<Stall> alerts = p.alerts();
        Trend trend = p.trend();
        List<AccountSnapshotV1.Explanation> explanations = p.explanations();
        if (liveStall != null) {
            alerts = List.of(liveStall);
            trend = Trend.STALLED;
            explanations = new ArrayList<>(explanations.stream().filter(e -> !e.kind().equals("stall")).toList());
            explanations.add(progression.derivedExplanation(liveStall.explanation(), liveStallAt));
        }
        AccountSnapshotV1.JourneyProgress told = new AccountSnapshotV1.JourneyProgress(p.journeyId(),
                p.journeyVersion(), p.stageKey(), p.stageName(), p.stageEnteredAt(), trend, alerts, p.stageHistory(),
                explanations, p.outcome(), p.closedAt(), upcoming(trend, alerts.isEmpty() ? null : alerts.get(0)));
        return new AccountSnapshotV1(tenantId, accountKey, version, momentum, touchpointCount, touchpointsBySource,
                asOf, committee.wire(), told, AsOfNow.decayOf(policy));
    }

    /**
     * What the clock alone changes after the latest touchpoint, starting from what readers were told: at each
     * instant a stall or the quiet trend can change ({@link #nextCheckAt}, {@link
     * JourneyProgression#quietTrendChanges}), the state then, where it differs from the one before. At most the
     * stage's required roles plus three entries (the stage's own quiet threshold, two trend changes).
     */
    private List<AccountSnapshotV1.Upcoming> upcoming(Trend toldTrend, Stall toldStall) {
        if (asOf == null || progression.isClosed()) {
            return List.of();
        }
        java.util.TreeSet<Instant> instants = new java.util.TreeSet<>();
        progression.stallCandidates(this::disengagedAt).forEach(at -> instants.add(at.plusMillis(1)));
        progression.quietTrendChanges().forEach(after -> instants.add(asOf.plus(after)));
        List<AccountSnapshotV1.Upcoming> out = new ArrayList<>();
        Trend trend = toldTrend;
        Stall stall = toldStall;
        for (Instant at : instants) {
            if (!at.isAfter(asOf)) {
                continue;
            }
            Stall derived = derivedStallAt(at).filter(found -> !found.sameAs(toldStall)).orElse(toldStall);
            Trend derivedTrend = derived != null ? Trend.STALLED
                    : progression.paceTrend(Duration.between(asOf, at));
            boolean sameStall = derived == null ? stall == null : derived.sameAs(stall);
            if (derivedTrend != trend || !sameStall) {
                out.add(new AccountSnapshotV1.Upcoming(at, derivedTrend, derived));
                trend = derivedTrend;
                stall = derived;
            }
        }
        return out;
    }

    /** The stall a clock derives at {@code now} (engagement decayed to it); nothing changes. */
    private Optional<Stall> derivedStallAt(Instant now) {
        List<Momentum.Input> decayed = committee.inputsAfter(Duration.between(asOf, now), policy);
        return progression.stallAt(factsAt(now, Momentum.of(decayed, policy), decayed), now);
    }

    /** The account as a function of its touchpoints alone (what checkpoints keep). */
    public CanonicalAccount canonical() {
        return new CanonicalAccount(tenantId, accountKey, version, momentum, touchpointCount, touchpointsBySource,
                asOf, committee.canonical(), progression.progress());
    }
}
