package dev.tandem.kpi.service;

import dev.tandem.kpi.service.KpiTotals.Row;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.kpi.AttributionModel;
import dev.tandem.model.kpi.DayHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The shared KPIs, each read from the maintained tenant totals ({@link KpiTotals}) and narrowed by a
 * {@link KpiFilter}. Definitions: docs/kpis.md. Pure: the same totals give the same report.
 */
public final class KpiReports {

    /** How a stall or a stage visit can end, in the order reports list them; {@code open} while it lasts. */
    public static final List<String> RESULTS =
            List.of("open", "resumed", "advanced", "fell_back", "won", "lost", "no_decision");
    public static final List<String> OUTCOMES = List.of("won", "lost", "no_decision");

    private KpiReports() {
    }

    // ---- funnel ----

    /** Accounts that entered a stage and those of them that went on to a later stage (or won from it). */
    public record FunnelStage(String journey, String stage, int index, long entered, long converted,
            Double conversionRate) {
    }

    /** The funnel of the accounts whose journey started in one month. */
    public record Cohort(String cohort, List<FunnelStage> stages) {
    }

    public record Funnel(List<FunnelStage> stages, List<Cohort> cohorts) {
    }

    public static Funnel funnel(KpiTotals totals, KpiFilter filter) {
        Map<String, Map<String, long[]>> byCohort = new TreeMap<>();
        Map<String, long[]> overall = new LinkedHashMap<>();
        for (Row row : totals.rows(KpiKeys.FUNNEL)) {
            // journey, cohort, index, stage, entered|converted
            if (!filter.journey(row.part(0)) || !filter.month(row.part(1)) || !filter.stage(row.part(3))) {
                continue;
            }
            String stageId = row.part(0) + "|" + row.part(2) + "|" + row.part(3);
            int slot = "entered".equals(row.part(4)) ? 0 : 1;
            byCohort.computeIfAbsent(row.part(1), c -> new TreeMap<>()).computeIfAbsent(stageId, s -> new long[2])[slot]
                    += row.value();
            overall.computeIfAbsent(stageId, s -> new long[2])[slot] += row.value();
        }
        List<Cohort> cohorts = new ArrayList<>();
        byCohort.forEach((cohort, stages) -> cohorts.add(new Cohort(cohort, funnelStages(stages))));
        return new Funnel(funnelStages(overall), cohorts);
    }

    private static List<FunnelStage> funnelStages(Map<String, long[]> counts) {
        List<FunnelStage> stages = new ArrayList<>();
        counts.forEach((id, count) -> {
            String[] parts = id.split("\\|", 3);
            stages.add(new FunnelStage(parts[0], parts[2], Integer.parseInt(parts[1]), count[0], count[1],
                    rate(count[1], count[0])));
        });
        stages.sort(Comparator.comparing(FunnelStage::journey).thenComparingInt(FunnelStage::index)
                .thenComparing(FunnelStage::stage));
        return stages;
    }

    // ---- velocity ----

    /** Time in a stage over the visits that ended (onwards, back, or in a close), in whole days. */
    public record StageVelocity(String journey, String stage, long visits, Long medianDays, Long p75Days,
            Double meanDays) {
    }

    public static List<StageVelocity> velocity(KpiTotals totals, KpiFilter filter) {
        Map<String, Map<Long, Long>> histograms = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.VELOCITY)) {
            // journey, stage, month left, days
            if (filter.journey(row.part(0)) && filter.stage(row.part(1)) && filter.month(row.part(2))) {
                histograms.computeIfAbsent(row.part(0) + "|" + row.part(1), s -> new TreeMap<>())
                        .merge(Long.parseLong(row.part(3)), row.value(), Long::sum);
            }
        }
        List<StageVelocity> stages = new ArrayList<>();
        histograms.forEach((id, days) -> {
            String[] parts = id.split("\\|", 2);
            long visits = days.values().stream().mapToLong(Long::longValue).sum();
            double sum = days.entrySet().stream().mapToDouble(d -> d.getKey() * (double) d.getValue()).sum();
            stages.add(new StageVelocity(parts[0], parts[1], visits, DayHistogram.percentile(days, 0.5),
                    DayHistogram.percentile(days, 0.75), round(sum / visits, 1)));
        });
        return stages;
    }

    // ---- stalls ----

    /** Stall episodes of one stage or one silent persona, and what became of them. */
    public record StallGroup(String key, long stalledNow, long episodes, Map<String, Long> outcomes) {
    }

    public record Stalls(long stalledNow, List<StallGroup> byStage, List<StallGroup> bySilentPersona) {
    }

    public static Stalls stalls(KpiTotals totals, KpiFilter filter) {
        Map<String, Long> now = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.STALLED)) {
            if (filter.stage(row.part(0))) {
                now.merge(row.part(0), row.value(), Long::sum);
            }
        }
        Map<String, Map<String, Long>> byStage = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.STALLS)) {
            // journey, stage, month, result
            if (filter.journey(row.part(0)) && filter.stage(row.part(1)) && filter.month(row.part(2))) {
                byStage.computeIfAbsent(row.part(1), s -> results()).merge(row.part(3), row.value(), Long::sum);
            }
        }
        Map<String, Map<String, Long>> byRole = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.STALLED_ROLES)) {
            // journey, role, month, result
            if (filter.journey(row.part(0)) && filter.month(row.part(2))) {
                byRole.computeIfAbsent(row.part(1), s -> results()).merge(row.part(3), row.value(), Long::sum);
            }
        }
        now.keySet().forEach(stage -> byStage.computeIfAbsent(stage, s -> results()));
        return new Stalls(now.values().stream().mapToLong(Long::longValue).sum(),
                groups(byStage, stage -> now.getOrDefault(stage, 0L)), groups(byRole, role -> byRole.get(role)
                        .getOrDefault("open", 0L)));
    }

    private static Map<String, Long> results() {
        Map<String, Long> results = new LinkedHashMap<>();
        RESULTS.forEach(result -> results.put(result, 0L));
        return results;
    }

    private static List<StallGroup> groups(Map<String, Map<String, Long>> outcomes, Function<String, Long> now) {
        List<StallGroup> groups = new ArrayList<>();
        outcomes.forEach((key, results) -> groups.add(new StallGroup(key, now.apply(key),
                results.values().stream().mapToLong(Long::longValue).sum(), results)));
        return groups;
    }

    // ---- coverage ----

    /** Open accounts in a stage that requires personas: how many of those personas some member plays. */
    public record StageCoverage(String journey, String stage, long openAccounts, Double averageCoverage,
            Map<String, Long> bands) {
    }

    /** Closed accounts of one coverage band (at the close) per outcome, and the win rate among them. */
    public record OutcomeByBand(String band, Map<String, Long> outcomes, Double winRate) {
    }

    public record Coverage(List<StageCoverage> byStage, List<OutcomeByBand> outcomesByCoverage) {
    }

    public static Coverage coverage(KpiTotals totals, KpiFilter filter) {
        Map<String, Map<String, Long>> stages = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.COVERAGE)) {
            // journey, stage, accounts|share|none|partial|full
            if (filter.journey(row.part(0)) && filter.stage(row.part(1))) {
                stages.computeIfAbsent(row.part(0) + "|" + row.part(1), s -> new HashMap<>())
                        .merge(row.part(2), row.value(), Long::sum);
            }
        }
        List<StageCoverage> byStage = new ArrayList<>();
        stages.forEach((id, counts) -> {
            String[] parts = id.split("\\|", 2);
            long accounts = counts.getOrDefault("accounts", 0L);
            Map<String, Long> bands = new LinkedHashMap<>();
            for (String band : List.of("none", "partial", "full")) {
                bands.put(band, counts.getOrDefault(band, 0L));
            }
            byStage.add(new StageCoverage(parts[0], parts[1], accounts, accounts == 0 ? null
                    : round(counts.getOrDefault("share", 0L) / (double) KpiFacts.MICROS / accounts, 3), bands));
        });
        return new Coverage(byStage, outcomesBy(totals, filter, "coverage", List.of("none", "partial", "full", "n/a")));
    }

    private static List<OutcomeByBand> outcomesBy(KpiTotals totals, KpiFilter filter, String dimension,
            List<String> bands) {
        Map<String, Map<String, Long>> byBand = new LinkedHashMap<>();
        bands.forEach(band -> byBand.put(band, outcomeCounts()));
        for (Row row : totals.rows(KpiKeys.OUTCOMES)) {
            // month, outcome, coverage|momentum, band
            if (filter.month(row.part(0)) && dimension.equals(row.part(2))) {
                byBand.computeIfAbsent(row.part(3), b -> outcomeCounts()).merge(row.part(1), row.value(), Long::sum);
            }
        }
        List<OutcomeByBand> rows = new ArrayList<>();
        byBand.forEach((band, outcomes) -> rows.add(new OutcomeByBand(band, outcomes,
                rate(outcomes.get("won"), outcomes.values().stream().mapToLong(Long::longValue).sum()))));
        return rows;
    }

    private static Map<String, Long> outcomeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> counts.put(outcome, 0L));
        return counts;
    }

    // ---- contribution ----

    /** The credit one value of a dimension earned, and its share of all the credit. */
    public record Credit(String value, double credit, double share) {
    }

    /**
     * @param conversions the conversions credited (stage advances and won deals); every model hands out exactly
     *     this much credit in total
     */
    public record Contribution(String model, long conversions, Map<String, List<Credit>> byDimension) {
    }

    public static final List<String> DIMENSIONS = List.of("source", "channel", "campaign", "content");

    public static Contribution contribution(KpiTotals totals, KpiFilter filter, AttributionModel model) {
        long conversions = 0;
        for (Row row : totals.rows(KpiKeys.CONVERSIONS)) {
            // journey, conversion, month
            if (filter.journey(row.part(0)) && filter.stage(row.part(1)) && filter.month(row.part(2))) {
                conversions += row.value();
            }
        }
        Map<String, Map<String, Long>> credit = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> credit.put(dimension, new HashMap<>()));
        for (Row row : totals.rows(KpiKeys.CREDIT)) {
            // model, journey, conversion, month, source, dimension, value
            if (model.wireName().equals(row.part(0)) && filter.journey(row.part(1)) && filter.stage(row.part(2))
                    && filter.month(row.part(3)) && filter.source(row.part(4))) {
                credit.computeIfAbsent(row.part(5), d -> new HashMap<>()).merge(row.part(6), row.value(), Long::sum);
            }
        }
        Map<String, List<Credit>> byDimension = new LinkedHashMap<>();
        credit.forEach((dimension, values) -> {
            long all = values.values().stream().mapToLong(Long::longValue).sum();
            byDimension.put(dimension, values.entrySet().stream()
                    .map(value -> new Credit(value.getKey(), round(value.getValue() / (double) KpiFacts.MICROS, 3),
                            round(value.getValue() / (double) all, 3)))
                    .sorted(Comparator.comparingDouble(Credit::credit).reversed().thenComparing(Credit::value))
                    .toList());
        });
        return new Contribution(model.wireName(), conversions, byDimension);
    }

    // ---- outcomes ----

    /** Days from the journey's first stage to the close, over the closes of one outcome. */
    public record Cycle(long closed, Long medianDays, Long p75Days) {
    }

    public record Outcomes(Map<String, Long> closed, Double winRate, Double noDecisionRate,
            List<OutcomeByBand> byCoverage, List<OutcomeByBand> byMomentum, Map<String, Cycle> cycle) {
    }

    public static Outcomes outcomes(KpiTotals totals, KpiFilter filter) {
        List<OutcomeByBand> byCoverage = outcomesBy(totals, filter, "coverage",
                List.of("none", "partial", "full", "n/a"));
        Map<String, Long> closed = outcomeCounts();
        byCoverage.forEach(band -> band.outcomes().forEach((outcome, n) -> closed.merge(outcome, n, Long::sum)));
        long all = closed.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Map<Long, Long>> cycles = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> cycles.put(outcome, new TreeMap<>()));
        for (Row row : totals.rows(KpiKeys.CYCLE)) {
            // month, outcome, days
            if (filter.month(row.part(0))) {
                cycles.computeIfAbsent(row.part(1), o -> new TreeMap<>())
                        .merge(Long.parseLong(row.part(2)), row.value(), Long::sum);
            }
        }
        Map<String, Cycle> cycle = new LinkedHashMap<>();
        cycles.forEach((outcome, days) -> cycle.put(outcome, new Cycle(
                days.values().stream().mapToLong(Long::longValue).sum(), DayHistogram.percentile(days, 0.5),
                DayHistogram.percentile(days, 0.75))));
        return new Outcomes(closed, rate(closed.get("won"), all), rate(closed.get("no_decision"), all), byCoverage,
                outcomesBy(totals, filter, "momentum", List.of("low", "medium", "high")), cycle);
    }

    // ---- reasons ----

    /** One decision reason: how often buyers and sellers gave it. */
    public record ReasonCount(String reason, long buyer, long seller) {
    }

    /** One reason as given by one persona (or by sellers: role {@code unknown} unless they named a contact). */
    public record PersonaReason(String role, String reportedBy, String reason, long count) {
    }

    public record Reasons(List<ReasonCount> reasons, List<PersonaReason> byPersona) {
    }

    public static Reasons reasons(KpiTotals totals, KpiFilter filter) {
        Map<String, long[]> byReason = new TreeMap<>();
        Map<String, Long> byPersona = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.REASONS)) {
            // month, outcome, reportedBy, role, reason
            if (!filter.month(row.part(0)) || !filter.outcome(row.part(1))) {
                continue;
            }
            boolean buyer = "buyer".equals(row.part(2));
            byReason.computeIfAbsent(row.part(4), r -> new long[2])[buyer ? 0 : 1] += row.value();
            byPersona.merge(row.part(3) + "|" + row.part(2) + "|" + row.part(4), row.value(), Long::sum);
        }
        List<ReasonCount> reasons = new ArrayList<>();
        byReason.forEach((reason, counts) -> reasons.add(new ReasonCount(reason, counts[0], counts[1])));
        reasons.sort(Comparator.comparingLong((ReasonCount r) -> -(r.buyer() + r.seller()))
                .thenComparing(ReasonCount::reason));
        List<PersonaReason> personas = new ArrayList<>();
        byPersona.forEach((id, count) -> {
            String[] parts = id.split("\\|", 3);
            personas.add(new PersonaReason(parts[0], parts[1], parts[2], count));
        });
        return new Reasons(reasons, personas);
    }

    // ---- enablement ----

    /**
     * One piece of content sellers used: uses, accounts, and how many of those accounts advanced a stage within
     * {@link KpiFacts#ENABLEMENT_WINDOW} of the first use or went on to win.
     */
    public record ContentUse(String content, long uses, long accounts, long advancedAfter, long wonAfter,
            Double advanceRate) {
    }

    public static List<ContentUse> enablement(KpiTotals totals, KpiFilter filter) {
        Map<String, Map<String, Long>> byContent = new TreeMap<>();
        for (Row row : totals.rows(KpiKeys.ENABLEMENT)) {
            // content, month of first use, uses|accounts|advanced|won
            if (filter.month(row.part(1))) {
                byContent.computeIfAbsent(row.part(0), c -> new HashMap<>()).merge(row.part(2), row.value(), Long::sum);
            }
        }
        List<ContentUse> uses = new ArrayList<>();
        byContent.forEach((content, counts) -> {
            long accounts = counts.getOrDefault("accounts", 0L);
            uses.add(new ContentUse(content, counts.getOrDefault("uses", 0L), accounts,
                    counts.getOrDefault("advanced", 0L), counts.getOrDefault("won", 0L),
                    rate(counts.getOrDefault("advanced", 0L), accounts)));
        });
        uses.sort(Comparator.comparingLong(ContentUse::uses).reversed().thenComparing(ContentUse::content));
        return uses;
    }

    // ---- summary ----

    /** The tenant summary, from the same totals. */
    public static KpiSummary summary(KpiTotals totals) {
        Map<TouchpointSource, Long> sources = new EnumMap<>(TouchpointSource.class);
        for (TouchpointSource source : TouchpointSource.values()) {
            sources.put(source, totals.value(KpiKeys.TOUCHPOINTS, source.wireName()));
        }
        Map<CommitteeRole, Long> roles = new EnumMap<>(CommitteeRole.class);
        for (CommitteeRole role : CommitteeRole.values()) {
            roles.put(role, totals.value(KpiKeys.MEMBERS, role.wireName()));
        }
        long momentumCount = totals.value(KpiKeys.MOMENTUM, "count");
        Double momentum = momentumCount == 0 ? null
                : totals.value(KpiKeys.MOMENTUM, "sum") / (double) momentumCount;
        Map<String, Long> open = new TreeMap<>();
        totals.rows(KpiKeys.OPEN).forEach(row -> open.merge(row.part(0), row.value(), Long::sum));
        long stalled = totals.rows(KpiKeys.STALLED).stream().mapToLong(Row::value).sum();
        Map<String, StageSummary.StageTotals> stages = new TreeMap<>();
        Map<String, long[]> sums = new TreeMap<>();
        totals.rows(KpiKeys.FUNNEL).stream().filter(row -> "entered".equals(row.part(4)))
                .forEach(row -> sums.computeIfAbsent(row.part(3), s -> new long[3])[0] += row.value());
        totals.rows(KpiKeys.DWELL).forEach(row -> sums.computeIfAbsent(row.part(0), s -> new long[3])
                ["visits".equals(row.part(1)) ? 1 : 2] += row.value());
        sums.forEach((stage, sum) -> stages.put(stage, new StageSummary.StageTotals(sum[0], sum[1], sum[2])));
        List<StageSummary.Conversion> moves = totals.rows(KpiKeys.TRANSITIONS).stream()
                .map(row -> new StageSummary.Conversion(row.part(0), row.part(1), row.value())).toList();
        Map<DealOutcome, Long> outcomes = new EnumMap<>(DealOutcome.class);
        Outcomes closes = outcomes(totals, KpiFilter.ALL);
        for (DealOutcome outcome : DealOutcome.values()) {
            outcomes.put(outcome, closes.closed().getOrDefault(outcome.name().toLowerCase(java.util.Locale.ROOT), 0L));
        }
        return new KpiSummary(totals.value(KpiKeys.ACCOUNTS), sources, roles, momentum,
                StageSummary.of(open, stages, moves, outcomes, stalled));
    }

    static Double rate(Long part, long whole) {
        return whole == 0 || part == null ? null : round(part / (double) whole, 3);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
