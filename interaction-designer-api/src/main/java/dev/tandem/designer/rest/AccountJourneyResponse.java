package dev.tandem.designer.rest;

import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.mapping.WireNames;
import dev.tandem.designer.service.AccountJourney;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
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
        @Schema(description = "Roles the journey and the current stage require that no engaged member covers",
                examples = "[\"economic_buyer\"]") List<String> missingRoles,
        @Schema(description = "What would close those gaps and wake silent required members: the interaction points "
                + "of the current stage (or the next that has one for the role), with who owns them and why; at "
                + "most 10, the gaps first") List<NextInteraction> nextInteractions,
        @Schema(description = "The account's latest touchpoints, newest first (at most 20)")
        List<TimelineItem> timeline,
        @Schema(description = "The instant the view is as of (the request): momentum, engagement, alerts, trend "
                + "and dwell times are measured up to it") Instant asOf) {

    @Schema(name = "TimelineItem", description = "One touchpoint of the account")
    public record TimelineItem(
            String touchpointId,
            @Schema(examples = "meeting.held") String type,
            @Schema(examples = "sales") String source,
            @Schema(enumeration = {"buyer_initiated", "seller_initiated"}) String direction,
            @Schema(nullable = true) String contactKey,
            @Schema(nullable = true, description = "The contact's name, when known") String name,
            Instant occurredAt) {
    }

    @Schema(name = "NextInteraction", description = "A suggested interaction and why")
    public record NextInteraction(
            @Schema(examples = "economic_buyer") String role,
            @Schema(nullable = true, description = "The silent member it is for; null for a role nobody covers")
            String contactKey,
            @Schema(nullable = true, description = "The member's name, when known") String name,
            @Schema(examples = "pricing.viewed") String touchpointType,
            @Schema(enumeration = {"marketing", "sales"}) String owner,
            @Schema(description = "What it gives the persona", examples = "transparent pricing and an ROI calculator")
            String unblocks,
            @Schema(examples = "No economic buyer (Budget holder) is engaged, and Supplier selection needs one")
            String why,
            @Schema(nullable = true, description = "The persona insight it cites, from the tenant's personas",
                    examples = "What unblocks them: an ROI model with their own numbers") String insight) {
    }

    /** {@code name} and {@code title} are null for a contact never profiled or erased. */
    @Schema(name = "CommitteeMember")
    public record CommitteeMember(
            String contactKey,
            String name,
            String title,
            @Schema(examples = "economic_buyer") String role,
            @Schema(enumeration = {"inferred", "seller"}, description = "inferred from the job title (or a persona's "
                    + "title patterns), or assigned by a seller, which wins until changed again") String roleSource,
            @Schema(description = "Decayed engagement, two decimals") double engagement) {
    }

    public static AccountJourneyResponse of(AccountJourney journey) {
        List<CommitteeMember> committee = journey.committee().stream()
                .map(member -> new CommitteeMember(member.contactKey(), member.name(), member.title(),
                        member.role() == null ? null : member.role().wireName(),
                        roleSourceOf(member.roleSource()),
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
                journey.guidance().missingRoles().stream().map(CommitteeRole::wireName).toList(),
                journey.guidance().nextInteractions().stream().map(next -> new NextInteraction(
                        next.role().wireName(), next.contactKey(), nameOf(journey, next.contactKey()),
                        next.touchpointType(), next.owner() == null ? null : next.owner().wireName(), next.unblocks(),
                        next.why(), next.insight())).toList(),
                journey.timeline().stream().map(item -> new TimelineItem(item.entry().touchpointId(),
                        item.entry().type(), item.entry().source(), item.entry().direction(),
                        item.entry().contactKey(), item.name(), item.entry().occurredAt())).toList(),
                journey.asOf());
    }

    /** An assigned role is a person's decision: on the wire of the snapshots "assigned", for sellers "seller". */
    static String roleSourceOf(RoleSource source) {
        if (source == null) {
            return null;
        }
        return source == RoleSource.ASSIGNED ? "seller" : source.name().toLowerCase(Locale.ROOT);
    }

    private static String nameOf(AccountJourney journey, String contactKey) {
        return contactKey == null ? null : journey.committee().stream()
                .filter(member -> contactKey.equals(member.contactKey())).map(AccountJourney.Member::name)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
