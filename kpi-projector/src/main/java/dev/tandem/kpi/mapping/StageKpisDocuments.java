package dev.tandem.kpi.mapping;

import dev.tandem.kpi.service.StageKpis;
import dev.tandem.model.DealOutcome;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The journey fields of an {@code account_kpis} document. Stage keys are values in arrays, never field names, so
 * the summary can {@code $unwind} and {@code $group} them. An open journey has no {@code outcome} field at all,
 * so "open" is {@code $exists: false}.
 */
public final class StageKpisDocuments {

    public static final String STAGE_KEY = "stageKey";
    public static final String STAGES = "stages";
    public static final String TRANSITIONS = "stageTransitions";
    public static final String STALLED = "stalled";
    public static final String OUTCOME = "outcome";
    public static final String CLOSED_AT = "closedAt";

    private StageKpisDocuments() {
    }

    static void appendTo(Document document, StageKpis journey) {
        List<Document> stages = journey.stages().entrySet().stream()
                .map(stage -> new Document("stage", stage.getKey())
                        .append("entries", stage.getValue().entries())
                        .append("exits", stage.getValue().exits())
                        .append("dwellSeconds", stage.getValue().dwellSeconds()))
                .toList();
        List<Document> transitions = journey.transitions().stream()
                .map(move -> new Document("from", move.from()).append("to", move.to()))
                .toList();
        document.append(STAGE_KEY, journey.currentStage())
                .append(STAGES, stages)
                .append(TRANSITIONS, transitions)
                .append(STALLED, journey.stalled());
        if (journey.outcome() != null) {
            document.append(OUTCOME, wireName(journey.outcome()));
            document.append(CLOSED_AT, journey.closedAt() == null ? null : Date.from(journey.closedAt()));
        }
    }

    static StageKpis fromDocument(Document document) {
        Map<String, StageKpis.StageStats> stages = new TreeMap<>();
        for (Document stage : document.getList(STAGES, Document.class, List.of())) {
            stages.put(stage.getString("stage"), new StageKpis.StageStats(
                    AccountKpisDocuments.longOf(stage.get("entries")),
                    AccountKpisDocuments.longOf(stage.get("exits")),
                    AccountKpisDocuments.longOf(stage.get("dwellSeconds"))));
        }
        Set<StageKpis.Transition> transitions = new LinkedHashSet<>();
        for (Document move : document.getList(TRANSITIONS, Document.class, List.of())) {
            transitions.add(new StageKpis.Transition(move.getString("from"), move.getString("to")));
        }
        Date closedAt = document.getDate(CLOSED_AT);
        return new StageKpis(document.getString(STAGE_KEY), stages, transitions,
                Boolean.TRUE.equals(document.getBoolean(STALLED)), outcomeOf(document.getString(OUTCOME)),
                closedAt == null ? null : closedAt.toInstant());
    }

    /** The outcome's wire name ({@code no_decision}), as its {@code @JsonProperty} spells it. */
    public static String wireName(DealOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    public static DealOutcome outcomeOf(String wireName) {
        for (DealOutcome outcome : DealOutcome.values()) {
            if (wireName(outcome).equals(wireName)) {
                return outcome;
            }
        }
        return null;
    }
}
