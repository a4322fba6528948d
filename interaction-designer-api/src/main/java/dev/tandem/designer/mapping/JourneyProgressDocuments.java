package dev.tandem.designer.mapping;

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
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * Maps an account's journey progress to the {@code journey} sub-document of {@code account_journeys} and back.
 * Enums are stored by wire name; times as BSON dates (millisecond precision).
 */
final class JourneyProgressDocuments {

    private JourneyProgressDocuments() {
    }

    static Document toDocument(AccountSnapshotV1.JourneyProgress progress) {
        return new Document("id", progress.journeyId())
                .append("version", progress.journeyVersion())
                .append("stageKey", progress.stageKey())
                .append("stageName", progress.stageName())
                .append("stageEnteredAt", toDate(progress.stageEnteredAt()))
                .append("trend", WireNames.of(progress.trend()))
                .append("alerts", progress.alerts().stream().map(JourneyProgressDocuments::stall).toList())
                .append("stageHistory", progress.stageHistory().stream().map(JourneyProgressDocuments::visit).toList())
                .append("explanations",
                        progress.explanations().stream().map(JourneyProgressDocuments::explanation).toList())
                .append("outcome", WireNames.of(progress.outcome()))
                .append("closedAt", toDate(progress.closedAt()))
                .append("upcoming", progress.upcoming().stream().map(change -> new Document("at", toDate(change.at()))
                        .append("trend", WireNames.of(change.trend()))
                        .append("alert", change.alert() == null ? null : stall(change.alert()))).toList());
    }

    static Document decay(AccountSnapshotV1.MomentumDecay decay) {
        return decay == null ? null : new Document("halfLifeDays", decay.halfLifeDays())
                .append("engagedThreshold", decay.engagedThreshold())
                .append("saturation", decay.saturation())
                .append("soloCap", decay.soloCap())
                .append("requiredRoles", decay.requiredRoles().stream().map(WireNames::of).toList());
    }

    static AccountSnapshotV1.MomentumDecay decayOf(Document decay) {
        if (decay == null) {
            return null;
        }
        return new AccountSnapshotV1.MomentumDecay(doubleOf(decay.get("halfLifeDays")),
                doubleOf(decay.get("engagedThreshold")), doubleOf(decay.get("saturation")),
                doubleOf(decay.get("soloCap")), strings(decay, "requiredRoles").stream()
                        .map(name -> WireNames.parse(CommitteeRole.class, name)).filter(Objects::nonNull).toList());
    }

    static AccountSnapshotV1.JourneyProgress fromDocument(Document journey) {
        if (journey == null) {
            return null;
        }
        return new AccountSnapshotV1.JourneyProgress(
                journey.getString("id"),
                intOf(journey.get("version")),
                journey.getString("stageKey"),
                journey.getString("stageName"),
                toInstant(journey.getDate("stageEnteredAt")),
                WireNames.parse(Trend.class, journey.getString("trend")),
                docs(journey, "alerts").stream().map(JourneyProgressDocuments::stallOf).toList(),
                docs(journey, "stageHistory").stream().map(JourneyProgressDocuments::visitOf).toList(),
                docs(journey, "explanations").stream().map(JourneyProgressDocuments::explanationOf).toList(),
                WireNames.parse(DealOutcome.class, journey.getString("outcome")),
                toInstant(journey.getDate("closedAt")),
                docs(journey, "upcoming").stream().map(change -> new AccountSnapshotV1.Upcoming(
                        toInstant(change.getDate("at")), WireNames.parse(Trend.class, change.getString("trend")),
                        change.get("alert", Document.class) == null ? null
                                : stallOf(change.get("alert", Document.class)))).toList());
    }

    private static Document stall(Stall stall) {
        return new Document("stageKey", stall.stageKey())
                .append("stageName", stall.stageName())
                .append("reasons", stall.reasons().stream().map(WireNames::of).toList())
                .append("silentRoles", stall.silentRoles().stream().map(WireNames::of).toList())
                .append("unblockWith", stall.unblockWith().stream().map(point -> new Document("role",
                        WireNames.of(point.role()))
                        .append("touchpointType", point.touchpointType())
                        .append("owner", WireNames.of(point.owner()))
                        .append("unblocks", point.unblocks())).toList())
                .append("since", toDate(stall.since()))
                .append("explanation", stall.explanation());
    }

    private static Stall stallOf(Document stall) {
        return new Stall(stall.getString("stageKey"), stall.getString("stageName"),
                strings(stall, "reasons").stream().map(name -> WireNames.parse(StallReason.class, name))
                        .filter(Objects::nonNull).toList(),
                strings(stall, "silentRoles").stream().map(name -> WireNames.parse(CommitteeRole.class, name))
                        .filter(Objects::nonNull).toList(),
                docs(stall, "unblockWith").stream().map(point -> new InteractionPoint(
                        WireNames.parse(CommitteeRole.class, point.getString("role")),
                        point.getString("touchpointType"),
                        WireNames.parse(InteractionOwner.class, point.getString("owner")),
                        point.getString("unblocks"))).toList(),
                toInstant(stall.getDate("since")),
                stall.getString("explanation"));
    }

    private static Document visit(AccountSnapshotV1.StageVisit visit) {
        return new Document("stageKey", visit.stageKey())
                .append("stageName", visit.stageName())
                .append("enteredAt", toDate(visit.enteredAt()))
                .append("exitedAt", toDate(visit.exitedAt()));
    }

    private static AccountSnapshotV1.StageVisit visitOf(Document visit) {
        return new AccountSnapshotV1.StageVisit(visit.getString("stageKey"), visit.getString("stageName"),
                toInstant(visit.getDate("enteredAt")), toInstant(visit.getDate("exitedAt")));
    }

    private static Document explanation(AccountSnapshotV1.Explanation explanation) {
        return new Document("kind", explanation.kind())
                .append("text", explanation.text())
                .append("journeyVersion", explanation.journeyVersion())
                .append("criteria", explanation.criteria().stream().map(criterion -> new Document("stageKey",
                        criterion.stageKey())
                        .append("expression", criterion.expression())
                        .append("satisfied", criterion.satisfied())
                        .append("error", criterion.error())).toList())
                .append("causedBy", explanation.causedBy())
                .append("causedByCount", explanation.causedByCount())
                .append("at", toDate(explanation.at()));
    }

    private static AccountSnapshotV1.Explanation explanationOf(Document explanation) {
        return new AccountSnapshotV1.Explanation(explanation.getString("kind"), explanation.getString("text"),
                intOf(explanation.get("journeyVersion")),
                docs(explanation, "criteria").stream().map(criterion -> new CriterionResult(
                        criterion.getString("stageKey"), criterion.getString("expression"),
                        Boolean.TRUE.equals(criterion.getBoolean("satisfied")),
                        criterion.getString("error"))).toList(),
                strings(explanation, "causedBy"),
                toInstant(explanation.getDate("at")),
                intOf(explanation.get("causedByCount")));
    }

    private static List<Document> docs(Document parent, String field) {
        return parent.getList(field, Document.class, List.of());
    }

    private static List<String> strings(Document parent, String field) {
        return parent.getList(field, String.class, List.of());
    }

    private static double doubleOf(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static int intOf(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
