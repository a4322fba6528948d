package dev.tandem.kpi.mapping;

import static com.mongodb.client.model.Accumulators.sum;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import dev.tandem.kpi.service.StageSummary;
import dev.tandem.model.DealOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The tenant's journey KPIs as a few small MongoDB aggregations ({@code $match} by tenant, {@code $unwind} of the
 * per-account arrays, {@code $group}): the database adds up, the service never loads the accounts. Each pipeline
 * answers one question, so each stays within what every MongoDB-compatible server runs.
 */
public final class StageSummaryAggregation {

    private static final String ACCOUNTS = "accounts";
    private static final String STAGES = "$" + StageKpisDocuments.STAGES + ".";
    private static final String MOVES = "$" + StageKpisDocuments.TRANSITIONS + ".";

    private StageSummaryAggregation() {
    }

    /** Open accounts per current stage; {@code _id} is the stage key (null for accounts without stage). */
    public static List<Bson> openByStage(String tenantId) {
        return List.of(
                Aggregates.match(Filters.and(tenant(tenantId), Filters.exists(StageKpisDocuments.OUTCOME, false))),
                Aggregates.group("$" + StageKpisDocuments.STAGE_KEY, sum(ACCOUNTS, 1)));
    }

    /** Per stage key, the sums of entries, exits and exit dwell over the tenant's accounts. */
    public static List<Bson> stageTotals(String tenantId) {
        return List.of(
                Aggregates.match(tenant(tenantId)),
                Aggregates.unwind("$" + StageKpisDocuments.STAGES),
                Aggregates.group(STAGES + "stage", sum("entries", STAGES + "entries"),
                        sum("exits", STAGES + "exits"), sum("dwellSeconds", STAGES + "dwellSeconds")));
    }

    /** Per move {@code {from, to}}, the accounts that made it (each account holds each move once). */
    public static List<Bson> conversions(String tenantId) {
        return List.of(
                Aggregates.match(tenant(tenantId)),
                Aggregates.unwind("$" + StageKpisDocuments.TRANSITIONS),
                Aggregates.group(new Document("from", MOVES + "from").append("to", MOVES + "to"),
                        sum(ACCOUNTS, 1)));
    }

    /** Closed accounts per outcome wire name. */
    public static List<Bson> outcomes(String tenantId) {
        return List.of(
                Aggregates.match(Filters.and(tenant(tenantId), Filters.exists(StageKpisDocuments.OUTCOME, true))),
                Aggregates.group("$" + StageKpisDocuments.OUTCOME, sum(ACCOUNTS, 1)));
    }

    /** The number of accounts with an active stall, as the single group's {@code accounts}. */
    public static List<Bson> stalled(String tenantId) {
        return List.of(
                Aggregates.match(Filters.and(tenant(tenantId), Filters.eq(StageKpisDocuments.STALLED, true))),
                Aggregates.group(null, sum(ACCOUNTS, 1)));
    }

    /** The summary from the pipelines' results, in the order of the methods above; no rows give zeros. */
    public static StageSummary fromResults(List<Document> openByStage, List<Document> stageTotals,
            List<Document> conversions, List<Document> outcomes, List<Document> stalled) {
        Map<String, Long> byStage = new TreeMap<>();
        for (Document row : openByStage) {
            if (row.get("_id") instanceof String stage) {
                byStage.put(stage, accounts(row));
            }
        }
        Map<String, StageSummary.StageTotals> totals = new TreeMap<>();
        for (Document row : stageTotals) {
            if (row.get("_id") instanceof String stage) {
                totals.put(stage, new StageSummary.StageTotals(AccountKpisDocuments.longOf(row.get("entries")),
                        AccountKpisDocuments.longOf(row.get("exits")),
                        AccountKpisDocuments.longOf(row.get("dwellSeconds"))));
            }
        }
        List<StageSummary.Conversion> moves = new ArrayList<>();
        for (Document row : conversions) {
            if (row.get("_id") instanceof Document move && move.get("from") instanceof String from
                    && move.get("to") instanceof String to) {
                moves.add(new StageSummary.Conversion(from, to, accounts(row)));
            }
        }
        Map<DealOutcome, Long> closed = new EnumMap<>(DealOutcome.class);
        for (Document row : outcomes) {
            DealOutcome outcome = row.get("_id") instanceof String name ? StageKpisDocuments.outcomeOf(name) : null;
            if (outcome != null) {
                closed.put(outcome, accounts(row));
            }
        }
        long stalledAccounts = stalled.isEmpty() ? 0 : accounts(stalled.get(0));
        return StageSummary.of(byStage, totals, moves, closed, stalledAccounts);
    }

    private static long accounts(Document row) {
        return AccountKpisDocuments.longOf(row.get(ACCOUNTS));
    }

    private static Bson tenant(String tenantId) {
        return Filters.eq(AccountKpisDocuments.TENANT_ID, tenantId);
    }
}
