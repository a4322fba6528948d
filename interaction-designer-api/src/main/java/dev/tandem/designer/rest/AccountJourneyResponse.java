package dev.tandem.designer.rest;

import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.mapping.WireNames;
import dev.tandem.designer.service.AccountJourney;
import dev.tandem.events.AccountSnapshotV1;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON a seller's tool reads for one account. The journey fields are null (or empty lists) for an account
 * whose snapshots carry no journey yet.
 */
@Schema(name = "AccountJourney")
public record AccountJourneyResponse(
        String accountKey,
        @Schema(minimum = "0", maximum = "100", description = "Committee momentum as of asOf (decayed since the "
                + "latest touchpoint)") int momentum,
        @Schema(description = "Most engaged first") List<CommitteeMember> committee,
        @Schema(description = "The account's version; grows with every change") long version,
        long touchpointCount,
        Instant lastTouchpointAt,
        @Schema(nullable = true) JourneyViews.StageView stage,
        @Schema(nullable = true) JourneyViews.JourneyRef journey,
        @Schema(nullable = true, enumeration = {"accelerating", "steady", "slowing", "stalled"}) String trend,
        @Schema(description = "Active stalls, with the silent roles and what would unblock them")
        List<JourneyViews.AlertView> alerts,
        @Schema(description = "Every stage visit in order; the last is open while the journey is")
        List<JourneyViews.VisitView> stageHistory,
        @Schema(description = "The latest reason per kind (stage, momentum, stall, outcome, late)")
        List<JourneyViews.ExplanationView> explanations,
        @Schema(nullable = true, enumeration = {"won", "lost", "no_decision"}) String outcome,
        @Schema(nullable = true) Instant closedAt,
        @Schema(description = "The instant the view is as of (the request): momentum, engagement, alerts, trend "
                + "and dwell times are measured up to it") Instant asOf) {

    /** {@code name} and {@code title} are null for a contact never profiled or erased. */
    @Schema(name = "CommitteeMember")
    public record CommitteeMember(
            String contactKey,
            String name,
            String title,
            @Schema(examples = "economic_buyer") String role,
            @Schema(examples = "inferred") String roleSource,
            @Schema(description = "Decayed engagement, two decimals") double engagement) {
    }

    public static AccountJourneyResponse of(AccountJourney journey) {
        List<CommitteeMember> committee = journey.committee().stream()
                .map(member -> new CommitteeMember(member.contactKey(), member.name(), member.title(),
                        member.role() == null ? null : member.role().wireName(),
                        member.roleSource() == null ? null : member.roleSource().name().toLowerCase(Locale.ROOT),
                        twoDecimals(member.engagement())))
                .toList();
        AccountSnapshotV1.JourneyProgress progress = journey.progress();
        return new AccountJourneyResponse(journey.accountKey(), journey.momentum(), committee, journey.version(),
                journey.touchpointCount(), journey.lastTouchpointAt(),
                JourneyViews.stage(progress, journey.asOf()),
                JourneyViews.journey(progress),
                progress == null ? null : WireNames.of(progress.trend()),
                JourneyViews.alerts(progress),
                JourneyViews.history(progress, journey.asOf()),
                JourneyViews.explanations(progress),
                progress == null ? null : WireNames.of(progress.outcome()),
                progress == null ? null : progress.closedAt(),
                journey.asOf());
    }

    static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
