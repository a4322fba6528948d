package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers whether an account is stalled in its stage, and what would unblock it. Two reasons:
 * <ul>
 *   <li>{@code no_meaningful_touchpoint}: nothing meaningful for longer than the stage's {@code stallAfter};</li>
 *   <li>{@code required_role_silent}: a role the stage requires has no engaged member, and has been quiet for
 *       longer than {@code stallAfter}, counted from its last meaningful touchpoint or from the stage entry,
 *       whichever is later (a role gets the threshold's time to show up in a new stage).</li>
 * </ul>
 * The clock is the caller's: wall time live, the event-time watermark in replay and simulation. Nothing here
 * reads the system clock, so the answer is a function of its arguments; and with the same facts, a later
 * {@code now} can only add reasons and silent roles, never remove them.
 */
public final class StallDetector {

    private StallDetector() {
    }

    /**
     * @param stage the account's current stage
     * @param stageEnteredAt when the account entered it (event time)
     * @param facts the committee's facts; {@code engagedRoles} decides who is engaged
     * @param activity when the committee and each role last did something meaningful
     * @param now the evaluation time (wall time live, watermark in replay)
     */
    public static Optional<Stall> detect(Stage stage, Instant stageEnteredAt, CommitteeFacts facts,
            CommitteeActivity activity, Instant now) {
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(now, "now");
        Duration threshold = stage.stallAfter();
        String stageName = stage.name() == null || stage.name().isBlank() ? stage.key() : stage.name();

        List<StallReason> reasons = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Instant since = null;

        Instant quietFrom =
                activity.lastMeaningfulTouchAt() != null ? activity.lastMeaningfulTouchAt() : stageEnteredAt;
        Duration quiet = Duration.between(quietFrom, now);
        if (quiet.compareTo(threshold) > 0) {
            reasons.add(StallReason.NO_MEANINGFUL_TOUCHPOINT);
            since = quietFrom.plus(threshold);
            sentences.add("No meaningful touchpoint for " + days(quiet) + " in " + stageName + " (stall threshold "
                    + days(threshold) + ")");
        }

        List<CommitteeRole> silentRoles = new ArrayList<>();
        List<InteractionPoint> unblockWith = new ArrayList<>();
        for (CommitteeRole role : new LinkedHashSet<>(stage.requiredRoles())) {
            if (facts.engagedRoles().contains(role.wireName())) {
                continue;
            }
            Instant lastTouch = activity.lastMeaningfulTouchByRole().get(role);
            Instant roleQuietFrom = lastTouch != null && lastTouch.isAfter(stageEnteredAt) ? lastTouch : stageEnteredAt;
            Duration roleQuiet = Duration.between(roleQuietFrom, now);
            if (roleQuiet.compareTo(threshold) <= 0) {
                continue;
            }
            silentRoles.add(role);
            List<InteractionPoint> points = stage.interactionPointsFor(role);
            unblockWith.addAll(points);
            Instant roleSince = roleQuietFrom.plus(threshold);
            since = since == null || roleSince.isBefore(since) ? roleSince : since;
            sentences.add(label(role) + " silent for " + days(roleQuiet) + " in " + stageName + tryThese(points));
        }
        if (!silentRoles.isEmpty()) {
            reasons.add(StallReason.REQUIRED_ROLE_SILENT);
        } else if (!reasons.isEmpty()) {
            // nobody in particular is missing: anything the stage offers may restart the conversation
            stage.interactionPoints().stream().filter(Objects::nonNull).forEach(unblockWith::add);
            sentences.set(0, sentences.get(0) + tryThese(unblockWith));
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stall(stage.key(), stageName, reasons, silentRoles, unblockWith, since,
                String.join(". ", sentences)));
    }

    private static String tryThese(List<InteractionPoint> points) {
        if (points.isEmpty()) {
            return "; no interaction point is designed for it yet";
        }
        return "; try: " + String.join(", ", points.stream().map(InteractionPoint::describe).toList());
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    /** A role as a seller says it. */
    static String label(CommitteeRole role) {
        return switch (role) {
            case ECONOMIC_BUYER -> "Economic buyer";
            case CHAMPION -> "Champion";
            case TECHNICAL_EVALUATOR -> "Technical evaluator";
            case END_USER -> "End user";
            case PROCUREMENT -> "Procurement";
            case LEGAL_SECURITY -> "Legal/security";
            case INFLUENCER -> "Influencer";
            case BLOCKER -> "Blocker";
        };
    }
}
