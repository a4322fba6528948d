package dev.tandem.kpi.service;

import dev.tandem.model.DealOutcome;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's journey KPIs, shared by sales and marketing: where the open accounts are, how they move, how long
 * they stay, how many stall and how the closed ones ended.
 *
 * @param accountsByStage every stage key any account entered, with the number of open accounts in it now (0
 *     included)
 * @param stalledAccounts accounts with an active stall
 * @param outcomes closed accounts per outcome, every outcome present
 * @param stageConversion per move from one stage to the next, the number of accounts that made it
 * @param averageDaysInStage per stage with an ended stay (moved on, fell back or closed from), the mean stay in days
 * @param noDecisionRate no-decision closes over all closes; null while nothing closed
 */
public record StageSummary(
        Map<String, Long> accountsByStage,
        long stalledAccounts,
        Map<DealOutcome, Long> outcomes,
        List<Conversion> stageConversion,
        Map<String, Double> averageDaysInStage,
        Double noDecisionRate) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    public StageSummary {
        accountsByStage = Collections.unmodifiableMap(new TreeMap<>(accountsByStage));
        EnumMap<DealOutcome, Long> all = new EnumMap<>(DealOutcome.class);
        for (DealOutcome outcome : DealOutcome.values()) {
            all.put(outcome, outcomes.getOrDefault(outcome, 0L));
        }
        outcomes = Collections.unmodifiableMap(all);
        stageConversion = stageConversion.stream()
                .sorted(Comparator.comparing(Conversion::from).thenComparing(Conversion::to)).toList();
        averageDaysInStage = Collections.unmodifiableMap(new TreeMap<>(averageDaysInStage));
    }

    /** Accounts that moved from one stage to the next. */
    public record Conversion(String from, String to, long accounts) {
    }

    /** The summed stage statistics of all the tenant's accounts for one stage. */
    public record StageTotals(long entries, long exits, long dwellSeconds) {
    }

    public static StageSummary empty() {
        return of(Map.of(), Map.of(), List.of(), Map.of(), 0);
    }

    /**
     * Derives the summary from the database's totals.
     *
     * @param openByStage open accounts per current stage
     * @param totals per stage, the sums over accounts of entries, exits and exit dwell
     */
    public static StageSummary of(Map<String, Long> openByStage, Map<String, StageTotals> totals,
            List<Conversion> conversions, Map<DealOutcome, Long> outcomes, long stalledAccounts) {
        Map<String, Long> byStage = new TreeMap<>();
        totals.keySet().forEach(stage -> byStage.put(stage, 0L));
        byStage.putAll(openByStage);
        Map<String, Double> averageDays = new TreeMap<>();
        totals.forEach((stage, sum) -> {
            if (sum.exits() > 0) {
                averageDays.put(stage, sum.dwellSeconds() / SECONDS_PER_DAY / sum.exits());
            }
        });
        long closed = outcomes.values().stream().mapToLong(Long::longValue).sum();
        Double noDecisionRate = closed == 0 ? null
                : outcomes.getOrDefault(DealOutcome.NO_DECISION, 0L) / (double) closed;
        return new StageSummary(byStage, stalledAccounts, outcomes, conversions, averageDays, noDecisionRate);
    }
}
