package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1.Explanation;
import dev.tandem.model.state.CanonicalAccount.Progress;
import dev.tandem.events.AccountSnapshotV1.StageVisit;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.DealClosed;
import dev.tandem.events.JourneyEventV1.StageEntered;
import dev.tandem.events.JourneyEventV1.StageExited;
import dev.tandem.events.JourneyEventV1.StallCleared;
import dev.tandem.events.JourneyEventV1.StallDetected;
import dev.tandem.model.journey.CommitteeActivity;
import dev.tandem.model.journey.CommitteeFacts;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.Stage;
import dev.tandem.model.journey.StageEvaluation;
import dev.tandem.model.journey.StageEvaluator;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.journey.StallDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The journey half of an account: its stage in the designer's journey, the stage history, stalls, trend and
 * outcome. {@link AccountJourney} feeds it touchpoints and asks it to evaluate; it answers journey facts.
 */
final class JourneyProgression {

    /** Half-life of the "recent activity" the trend compares with the sustained pace. */
    static final Duration RECENT_HALF_LIFE = Duration.ofDays(3);
    /** Engagement multiplier of a touchpoint that is an interaction point of the current stage for its role. */
    static final double INTERACTION_POINT_FACTOR = 1.5;
    private static final double ACCELERATING_RATIO = 1.25;
    private static final double SLOWING_RATIO = 0.75;

    private final JourneyContext context;
    private String stageKey;
    private String stageName;
    private Instant stageEnteredAt;
    private Trend trend = Trend.STEADY;
    private Stall activeStall;
    private final List<StageVisit> history = new ArrayList<>();
    private final Map<String, Explanation> explanations = new TreeMap<>();
    private DealOutcome outcome;
    private Instant closedAt;
    private final Map<String, Long> typeCounts = new TreeMap<>();
    private long buyerInitiated;
    private long sellerInitiated;
    private CommitteeActivity activity = CommitteeActivity.none();
    private double recentActivity;
    private double sustainedActivity;
    private String clockEventId;
    /** Not state: spares re-evaluating criteria whose inputs did not change since this account's last evaluation. */
    private final StageEvaluator.Recent recentEvaluation = new StageEvaluator.Recent();

    JourneyProgression(JourneyContext context) {
        this.context = context;
    }

    static JourneyProgression restore(Progress progress, JourneyContext context) {
        JourneyProgression p = new JourneyProgression(context);
        if (progress == null) {
            return p;
        }
        p.history.addAll(progress.stageHistory());
        if (progress.stageKey() != null && context.definition().stage(progress.stageKey()).isPresent()) {
            p.stageKey = progress.stageKey();
            p.stageName = progress.stageName();
            p.stageEnteredAt = progress.stageEnteredAt();
        } else if (!p.history.isEmpty() && p.history.get(p.history.size() - 1).exitedAt() == null) {
            // a newly published journey dropped this stage: the visit ends, the next evaluation picks a stage
            StageVisit open = p.history.remove(p.history.size() - 1);
            p.history.add(new StageVisit(open.stageKey(), open.stageName(), open.enteredAt(), open.enteredAt()));
        }
        p.trend = progress.trend() == null ? Trend.STEADY : progress.trend();
        p.activeStall = progress.alerts().isEmpty() || p.stageKey == null ? null : progress.alerts().get(0);
        progress.explanations().forEach(e -> p.explanations.put(e.kind(), e));
        p.outcome = progress.outcome();
        p.closedAt = progress.closedAt();
        progress.typeCounts()
                .forEach((type, count) -> p.typeCounts.put(TouchpointCatalog.canonicalName(type), count));
        p.buyerInitiated = progress.buyerInitiated();
        p.sellerInitiated = progress.sellerInitiated();
        p.activity = progress.activity() == null ? CommitteeActivity.none() : progress.activity();
        p.recentActivity = progress.recentActivity();
        p.sustainedActivity = progress.sustainedActivity();
        p.clockEventId = progress.clockEventId();
        return p;
    }

    Progress progress() {
        return new Progress(context.definition().journeyId(), context.definition().version(), stageKey,
                stageName, stageEnteredAt, trend, activeStall == null ? List.of() : List.of(activeStall), history,
                List.copyOf(explanations.values()), outcome, closedAt, typeCounts, buyerInitiated, sellerInitiated,
                activity, recentActivity, sustainedActivity, clockEventId);
    }

    /** Members who left the committee no longer count in the activity per role. */
    void forget(java.util.Collection<String> contactKeys, java.util.function.Function<String, CommitteeRole> roleOf) {
        if (!contactKeys.isEmpty()) {
            activity = activity.forget(contactKeys, roleOf);
        }
    }

    /** Notes a touchpoint applied at the account's clock; {@code advanced}: the clock moved to its time. */
    void noteAtClock(String touchpointId, boolean advanced) {
        if (advanced || clockEventId == null || touchpointId.compareTo(clockEventId) > 0) {
            clockEventId = touchpointId;
        }
    }

    String clockEventId() {
        return clockEventId;
    }

    double interactionFactor(CommitteeRole role, String touchpointType) {
        if (role == null || stageKey == null) {
            return 1.0;
        }
        return context.definition().stage(stageKey)
                .filter(stage -> stage.interactionPointsFor(role).stream()
                        .anyMatch(point -> point.touchpointType().equals(touchpointType)))
                .map(stage -> INTERACTION_POINT_FACTOR)
                .orElse(1.0);
    }

    boolean isClosed() {
        return outcome != null;
    }

    Map<String, Long> typeCounts() {
        return typeCounts;
    }

    long buyerInitiated() {
        return buyerInitiated;
    }

    long sellerInitiated() {
        return sellerInitiated;
    }

    Instant lastMeaningfulTouchAt() {
        return activity.lastMeaningfulTouchAt();
    }

    /** Decays the trend's activity sums by {@code elapsed} (the account's clock moved forward). */
    void decay(Duration elapsed) {
        recentActivity = decayed(recentActivity, elapsed, RECENT_HALF_LIFE);
        sustainedActivity = context.policy().decay(sustainedActivity, elapsed);
    }

    /** Counts a touchpoint; {@code age} is how far before the account's clock it happened. */
    void record(String type, Direction direction, String contactKey,
            java.util.function.Function<String, CommitteeRole> roleOf, Instant occurredAt, double contribution,
            Duration age) {
        typeCounts.merge(TouchpointCatalog.canonicalName(type), 1L, Long::sum);
        if (direction == Direction.SELLER_INITIATED) {
            sellerInitiated++;
        } else {
            buyerInitiated++;
        }
        activity = activity.recordContact(contactKey, type, occurredAt).withRolesOf(roleOf);
        recentActivity += decayed(contribution, age, RECENT_HALF_LIFE);
        sustainedActivity += context.policy().decay(contribution, age);
    }

    /** Closes the journey if the touchpoint is an outcome and it is still open. */
    List<JourneyEventV1.Payload> close(String type, Instant at, int momentum, List<String> causedBy) {
        Optional<DealOutcome> closing = DealOutcome.ofTouchpointType(type);
        if (closing.isEmpty() || isClosed()) {
            return List.of();
        }
        List<JourneyEventV1.Payload> out = new ArrayList<>();
        outcome = closing.get();
        closedAt = at;
        String text = "Closed " + outcome.name().toLowerCase().replace('_', ' ') + " in "
                + (stageName == null ? "no stage" : stageName) + " at momentum " + momentum + ".";
        explain("outcome", text, List.of(), causedBy, at);
        if (activeStall != null) {
            String cleared = "The stall ended with the deal closed.";
            out.add(new StallCleared(activeStall.stageKey(), activeStall.since(), cleared));
            explain("stall", cleared, List.of(), causedBy, at);
            activeStall = null;
        }
        trend = Trend.STEADY;
        out.add(new DealClosed(outcome, stageKey, momentum, text));
        return out;
    }

    /**
     * Re-evaluates stage, stall and trend as of {@code now} (the account's event time when applying a
     * touchpoint, wall time when ticking live). A closed journey does not move any more.
     */
    List<JourneyEventV1.Payload> evaluate(CommitteeFacts facts, Instant now, List<String> causedBy,
            Duration sinceLatestTouch) {
        List<JourneyEventV1.Payload> changes = new ArrayList<>();
        if (isClosed()) {
            return changes;
        }
        StageEvaluation evaluation = context.evaluator().evaluate(facts, recentEvaluation);
        if (!evaluation.stageKey().equals(stageKey)) {
            enterStage(evaluation, now, causedBy, changes);
        }
        Stage stage = context.definition().stage(stageKey).orElseThrow();
        Optional<Stall> stall = StallDetector.detect(stage, stageEnteredAt, facts, activity, now);
        if (stall.isPresent() && !stall.get().sameAs(activeStall)) {
            activeStall = stall.get();
            explain("stall", activeStall.explanation(), List.of(), causedBy, now);
            changes.add(detected(activeStall));
        } else if (stall.isEmpty() && activeStall != null) {
            String text = "The committee moves again in " + stageName + ".";
            changes.add(new StallCleared(activeStall.stageKey(), activeStall.since(), text));
            explain("stall", text, List.of(), causedBy, now);
            activeStall = null;
        }
        trend = trendAt(sinceLatestTouch);
        return changes;
    }

    private void enterStage(StageEvaluation evaluation, Instant now, List<String> causedBy,
            List<JourneyEventV1.Payload> out) {
        String previous = stageKey;
        if (previous != null && stageEnteredAt != null) {
            long dwell = Math.max(0, Duration.between(stageEnteredAt, now).toSeconds());
            out.add(new StageExited(previous, stageName, stageEnteredAt, dwell, evaluation.stageKey()));
            StageVisit open = history.remove(history.size() - 1);
            history.add(new StageVisit(open.stageKey(), open.stageName(), open.enteredAt(), now));
        }
        if (activeStall != null) {
            String cleared = "The stall ended with the move to " + evaluation.stageName() + ".";
            out.add(new StallCleared(activeStall.stageKey(), activeStall.since(), cleared));
            explain("stall", cleared, List.of(), causedBy, now);
            activeStall = null;
        }
        stageKey = evaluation.stageKey();
        stageName = evaluation.stageName();
        stageEnteredAt = now;
        history.add(new StageVisit(stageKey, stageName, now, null));
        String text = stageText(evaluation, previous);
        explain("stage", text, evaluation.criteria(), causedBy, now);
        out.add(new StageEntered(stageKey, stageName, previous, evaluation.journeyId(), evaluation.journeyVersion(),
                evaluation.criteria(), text, evaluation.stageIndex(), requiredRolesOf(stageKey)));
    }

    private List<dev.tandem.model.CommitteeRole> requiredRolesOf(String key) {
        return context.definition().stage(key).map(Stage::requiredRoles).orElse(List.of());
    }

    private static String stageText(StageEvaluation evaluation, String previous) {
        CriterionResult own = evaluation.criterionOfStage();
        String verb = previous == null ? "Starts in " : "Moved to ";
        return verb + evaluation.stageName() + ": " + (own != null && own.satisfied()
                ? "its entry criteria hold (" + own.expression() + ")."
                : "no later stage's entry criteria hold.");
    }

    private void explain(String kind, String text, List<CriterionResult> criteria, List<String> causedBy,
            Instant at) {
        explanations.put(kind, new Explanation(kind, text, context.definition().version(), criteria, causedBy, at));
    }

    /** Records an explanation of {@code kind} (e.g. {@code late}) the engine gives. */
    void note(String kind, String text, List<String> causedBy, Instant at) {
        explain(kind, text, List.of(), causedBy, at);
    }

    void explainMomentum(int previous, int current, List<String> causedBy, Instant at) {
        String direction = current > previous ? "rose" : "fell";
        explain("momentum", "Momentum " + direction + " from " + previous + " to " + current + " (trend "
                + trend.name().toLowerCase() + ").", List.of(), causedBy, at);
    }

    /**
     * The journey events that take a reader from {@code before}'s journey to this one (after a late
     * touchpoint was replayed into place): stage change, stall change, outcome.
     */
    List<JourneyEventV1.Payload> differencesFrom(JourneyProgression before, Instant at, int momentum) {
        List<JourneyEventV1.Payload> out = new ArrayList<>();
        if (before.activeStall != null && !before.activeStall.sameAs(activeStall)) {
            out.add(new StallCleared(before.activeStall.stageKey(), before.activeStall.since(),
                    "A late touchpoint, replayed into place, ended the stall."));
        }
        if (stageKey != null && !stageKey.equals(before.stageKey)) {
            if (before.stageKey != null && before.stageEnteredAt != null) {
                long dwell = Math.max(0, Duration.between(before.stageEnteredAt, at).toSeconds());
                out.add(new StageExited(before.stageKey, before.stageName, before.stageEnteredAt, dwell, stageKey));
            }
            Explanation why = explanations.get("stage");
            out.add(new StageEntered(stageKey, stageName, before.stageKey, context.definition().journeyId(),
                    context.definition().version(), why == null ? List.of() : why.criteria(),
                    why == null ? "Replayed into place." : why.text(), context.definition().indexOf(stageKey),
                    requiredRolesOf(stageKey)));
        }
        if (activeStall != null && !activeStall.sameAs(before.activeStall)) {
            out.add(detected(activeStall));
        }
        if (outcome != null && outcome != before.outcome) {
            Explanation why = explanations.get("outcome");
            out.add(new DealClosed(outcome, stageKey, momentum, why == null ? "Closed." : why.text()));
        }
        return out;
    }

    /** The stall canonical history holds (found at a touchpoint's event time), or null. */
    Stall activeStall() {
        return activeStall;
    }

    Trend trend() {
        return trend;
    }

    /**
     * The stall the committee is in at {@code now}, derived from the canonical state and the clock: nothing here
     * changes (a clock never rewrites the stage history). Empty for a closed journey or before any stage.
     */
    Optional<Stall> stallAt(CommitteeFacts facts, Instant now) {
        if (isClosed() || stageKey == null || stageEnteredAt == null) {
            return Optional.empty();
        }
        return context.definition().stage(stageKey)
                .flatMap(stage -> StallDetector.detect(stage, stageEnteredAt, facts, activity, now));
    }

    /**
     * The instants at which the stall a clock derives can next change, given when each required role stops
     * counting as engaged ({@code disengagedAt}, absent: not engaged now): the stage's quiet threshold, and for
     * each required role the later of its own quiet threshold and its disengagement. Empty when closed.
     */
    List<Instant> stallCandidates(java.util.function.Function<CommitteeRole, Optional<Instant>> disengagedAt) {
        if (isClosed() || stageKey == null || stageEnteredAt == null) {
            return List.of();
        }
        Stage stage = context.definition().stage(stageKey).orElse(null);
        if (stage == null) {
            return List.of();
        }
        Duration threshold = stage.stallAfter();
        List<Instant> candidates = new ArrayList<>();
        Instant quietFrom = activity.lastMeaningfulTouchAt() != null ? activity.lastMeaningfulTouchAt() : stageEnteredAt;
        candidates.add(quietFrom.plus(threshold));
        for (CommitteeRole role : stage.requiredRoles()) {
            Instant lastTouch = activity.lastMeaningfulTouchByRole().get(role);
            Instant roleQuietFrom = lastTouch != null && lastTouch.isAfter(stageEnteredAt) ? lastTouch : stageEnteredAt;
            Instant silentAt = roleQuietFrom.plus(threshold);
            Optional<Instant> disengaged = disengagedAt.apply(role);
            candidates.add(disengaged.filter(at -> at.isAfter(silentAt)).orElse(silentAt));
        }
        return candidates;
    }

    /**
     * After how long without a touchpoint the quiet trend changes (accelerating to steady, steady to slowing):
     * the ratio of recent to sustained pace falls by {@code 2^(-t/recentHalfLife + t/halfLife)}. Empty when
     * it never changes (already slowing, no activity, or a half-life no longer than the recent one).
     */
    List<Duration> quietTrendChanges() {
        double recentPerMs = recentActivity / RECENT_HALF_LIFE.toMillis();
        double sustainedPerMs = sustainedActivity / context.policy().halfLife().toMillis();
        double fallPerMs = 1.0 / RECENT_HALF_LIFE.toMillis() - 1.0 / context.policy().halfLife().toMillis();
        if (isClosed() || recentPerMs <= 0 || sustainedPerMs <= 0 || fallPerMs <= 0) {
            return List.of();
        }
        double ratio = recentPerMs / sustainedPerMs;
        List<Duration> changes = new ArrayList<>();
        for (double boundary : new double[] {ACCELERATING_RATIO, SLOWING_RATIO}) {
            if (ratio > boundary) {
                // the first millisecond at which the ratio is at or below the boundary (ceil; +1 for rounding)
                long ms = (long) Math.ceil(Math.log(ratio / boundary) / Math.log(2) / fallPerMs) + 1;
                changes.add(Duration.ofMillis(ms));
            }
        }
        return changes;
    }

    /** Records an explanation a clock derived (a stall found between touchpoints) without a stage change. */
    Explanation derivedExplanation(String text, Instant at) {
        return new Explanation("stall", text, context.definition().version(), List.of(), List.of(), at);
    }

    /** The event that tells readers of {@code stall}. */
    static StallDetected detected(Stall stall) {
        return new StallDetected(stall.stageKey(), stall.reasons(), stall.silentRoles(), stall.unblockWith(),
                stall.since(), stall.explanation());
    }

    /** Recent pace against sustained pace, each as a rate (sum over mean life); stalled wins. */
    private Trend trendAt(Duration sinceLatestTouch) {
        return activeStall != null ? Trend.STALLED : paceTrend(sinceLatestTouch);
    }

    /**
     * The trend from the pace alone, {@code sinceLatestTouch} after the latest touchpoint with none since: the
     * recent pace decays faster than the sustained one, so a quiet account slows down.
     */
    Trend paceTrend(Duration sinceLatestTouch) {
        double recent = decayed(recentActivity, sinceLatestTouch, RECENT_HALF_LIFE) / RECENT_HALF_LIFE.toMillis();
        double sustained = context.policy().decay(sustainedActivity, sinceLatestTouch)
                / context.policy().halfLife().toMillis();
        if (sustained <= 0) {
            return Trend.STEADY;
        }
        double ratio = recent / sustained;
        if (ratio >= ACCELERATING_RATIO) {
            return Trend.ACCELERATING;
        }
        return ratio <= SLOWING_RATIO ? Trend.SLOWING : Trend.STEADY;
    }

    private static double decayed(double value, Duration elapsed, Duration halfLife) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return value;
        }
        return value * Math.pow(0.5, (double) elapsed.toMillis() / halfLife.toMillis());
    }
}
