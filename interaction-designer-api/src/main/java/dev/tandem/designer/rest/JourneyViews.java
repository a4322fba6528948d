package dev.tandem.designer.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.mapping.WireNames;
import dev.tandem.designer.service.StageDwell;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.journey.Stall;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON parts of an account's journey progress, as sellers' tools read them; enums by wire name. */
final class JourneyViews {

    private JourneyViews() {
    }

    @Schema(name = "JourneyStage", description = "The stage the committee is in")
    record StageView(
            @Schema(examples = "solution_exploration") String key,
            String name,
            Instant enteredAt,
            @Schema(description = "Days in the stage so far (up to the close for a closed journey), one decimal")
            Double dwellDays) {
    }

    @Schema(name = "JourneyRef", description = "The journey map version the account is evaluated against")
    record JourneyRef(String id, int version) {
    }

    @Schema(name = "StallAlert", description = "An active stall and what would unblock it")
    record AlertView(
            @Schema(description = "The stage key the account stalls in") String stage,
            @Schema(examples = "[\"required_role_silent\"]") List<String> reasons,
            @Schema(examples = "[\"economic_buyer\"]") List<String> silentRoles,
            List<InteractionPointView> unblockWith,
            @Schema(description = "When the quiet crossed the stage's threshold") Instant since,
            String explanation) {
    }

    @Schema(name = "InteractionPoint", description = "A touchpoint that moves a persona forward, and who owns it")
    record InteractionPointView(
            @Schema(examples = "economic_buyer") String role,
            @Schema(examples = "meeting.held") String touchpointType,
            @Schema(examples = "sales") String owner,
            @Schema(examples = "business case review") String unblocks) {
    }

    @Schema(name = "StageVisit", description = "One stay in a stage; exitedAt is null while it lasts")
    record VisitView(String stage, String name, Instant enteredAt, Instant exitedAt, Double dwellDays) {
    }

    @Schema(name = "Explanation", description = "Why the account is where it is, in plain words")
    record ExplanationView(
            @Schema(examples = "stage", enumeration = {"stage", "momentum", "stall", "outcome"}) String kind,
            String text,
            int journeyVersion,
            List<CriterionView> criteria,
            @Schema(description = "Ids of the touchpoints behind it, at most 20 (the latest)") List<String> causedBy,
            @Schema(description = "How many touchpoints it rests on in all") int causedByCount,
            Instant at) {
    }

    @Schema(name = "CriterionResult", description = "One stage's entry criterion evaluated against the committee")
    record CriterionView(
            String stage,
            String expression,
            boolean satisfied,
            @Schema(description = "Why it could not be evaluated; absent when it could")
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    static StageView stage(AccountSnapshotV1.JourneyProgress progress, Instant asOf) {
        if (progress == null || progress.stageKey() == null) {
            return null;
        }
        return new StageView(progress.stageKey(), progress.stageName(), progress.stageEnteredAt(),
                StageDwell.days(progress.stageEnteredAt(), null, progress.closedAt(), asOf));
    }

    static JourneyRef journey(AccountSnapshotV1.JourneyProgress progress) {
        return progress == null ? null : new JourneyRef(progress.journeyId(), progress.journeyVersion());
    }

    static List<AlertView> alerts(AccountSnapshotV1.JourneyProgress progress) {
        return progress == null ? List.of() : progress.alerts().stream().map(JourneyViews::alert).toList();
    }

    static List<VisitView> history(AccountSnapshotV1.JourneyProgress progress, Instant asOf) {
        if (progress == null) {
            return List.of();
        }
        return progress.stageHistory().stream().map(visit -> visit(visit, progress.closedAt(), asOf)).toList();
    }

    static List<ExplanationView> explanations(AccountSnapshotV1.JourneyProgress progress) {
        return progress == null ? List.of()
                : progress.explanations().stream().map(JourneyViews::explanation).toList();
    }

    private static AlertView alert(Stall stall) {
        return new AlertView(stall.stageKey(),
                stall.reasons().stream().map(WireNames::of).toList(),
                stall.silentRoles().stream().map(WireNames::of).toList(),
                stall.unblockWith().stream().map(point -> new InteractionPointView(WireNames.of(point.role()),
                        point.touchpointType(), WireNames.of(point.owner()), point.unblocks())).toList(),
                stall.since(), stall.explanation());
    }

    private static VisitView visit(AccountSnapshotV1.StageVisit visit, Instant closedAt, Instant asOf) {
        return new VisitView(visit.stageKey(), visit.stageName(), visit.enteredAt(), visit.exitedAt(),
                StageDwell.days(visit.enteredAt(), visit.exitedAt(), closedAt, asOf));
    }

    private static ExplanationView explanation(AccountSnapshotV1.Explanation explanation) {
        return new ExplanationView(explanation.kind(), explanation.text(), explanation.journeyVersion(),
                explanation.criteria().stream().map(criterion -> new CriterionView(criterion.stageKey(),
                        criterion.expression(), criterion.satisfied(), criterion.error())).toList(),
                explanation.causedBy(), explanation.causedByCount(), explanation.at());
    }
}
