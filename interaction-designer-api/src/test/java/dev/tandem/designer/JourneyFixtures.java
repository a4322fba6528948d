package dev.tandem.designer;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Trend;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.InteractionOwner;
import dev.tandem.model.journey.InteractionPoint;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.journey.StallReason;
import java.time.Instant;
import java.util.List;

/** Journey progress with every field set, as journey-state writes it into snapshots. */
public final class JourneyFixtures {

    public static final Instant ENTERED_FIRST = Instant.parse("2026-11-01T08:00:00Z");
    public static final Instant ENTERED_SECOND = Instant.parse("2026-11-04T20:00:00Z");
    public static final Instant STALLED_SINCE = Instant.parse("2026-11-18T08:00:00Z");
    public static final Instant EXPLAINED_AT = Instant.parse("2026-11-20T10:15:30Z");
    public static final Instant CLOSED_AT = Instant.parse("2026-11-24T20:00:00Z");

    private JourneyFixtures() {
    }

    /** In {@code stageKey} since {@link #ENTERED_SECOND}, stalled, with one earlier visit and two explanations. */
    public static AccountSnapshotV1.JourneyProgress progress(String stageKey, Trend trend, boolean stalled,
            DealOutcome outcome) {
        Stall stall = new Stall(stageKey, "Supplier selection",
                List.of(StallReason.NO_MEANINGFUL_TOUCHPOINT, StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER),
                List.of(new InteractionPoint(CommitteeRole.ECONOMIC_BUYER, "meeting.held", InteractionOwner.SALES,
                        "business case review")),
                STALLED_SINCE, "Stalled in Supplier selection: the economic buyer is silent.");
        List<AccountSnapshotV1.StageVisit> history = List.of(
                new AccountSnapshotV1.StageVisit("problem_identification", "Problem identification", ENTERED_FIRST,
                        ENTERED_SECOND),
                new AccountSnapshotV1.StageVisit(stageKey, "Supplier selection", ENTERED_SECOND, null));
        List<AccountSnapshotV1.Explanation> explanations = List.of(
                new AccountSnapshotV1.Explanation("stage", "Moved to Supplier selection: its entry criteria hold.", 3,
                        List.of(CriterionResult.of(stageKey, "counts['demo.requested'] > 0", true),
                                new CriterionResult("validation", "bad(", false, "syntax error")),
                        List.of("tp-1", "tp-2"), ENTERED_SECOND),
                new AccountSnapshotV1.Explanation("stall", stall.explanation(), 3, List.of(), List.of(),
                        EXPLAINED_AT));
        return new AccountSnapshotV1.JourneyProgress("default", 3, stageKey, "Supplier selection", ENTERED_SECOND,
                trend, stalled ? List.of(stall) : List.of(), history, explanations, outcome,
                outcome == null ? null : CLOSED_AT,
                // far ahead, so reads as of now are not changed by it
                List.of(new AccountSnapshotV1.Upcoming(Instant.parse("2099-01-01T00:00:00Z"), Trend.STALLED, stall)));
    }
}
