package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.kpi.AttributionModel;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every KPI over {@link KnownHistory}, against values computed by hand (the arithmetic is in the comments). */
class KpiReportsTest {

    private static final String TENANT = "known";

    static KpiTotals totals() {
        Map<String, Long> sums = new HashMap<>();
        for (List<JourneyEventV1> account : List.of(KnownHistory.acme(TENANT), KnownHistory.globex(TENANT))) {
            AccountKpis folded = fold(account);
            folded.counters().forEach((key, value) -> sums.merge(key, value, Long::sum));
            folded.facts().drainCredit().forEach((key, value) -> sums.merge(key, value, Long::sum));
        }
        return KpiTotals.of(sums);
    }

    private static AccountKpis fold(List<JourneyEventV1> events) {
        AccountKpis state = AccountKpis.untracked(TENANT, events.get(0).accountKey());
        for (JourneyEventV1 event : events) {
            state = state.apply(event);
        }
        return state;
    }

    @Test
    void funnelCountsEntriesAndConversionsPerCohortWithRates() {
        KpiReports.Funnel funnel = KpiReports.funnel(totals(), KpiFilter.ALL);

        // both entered exploration, only Acme went on; Acme advanced from evaluation and won from decision
        assertThat(funnel.stages()).containsExactly(
                new KpiReports.FunnelStage(KnownHistory.JOURNEY, "exploration", 0, 2, 1, 0.5),
                new KpiReports.FunnelStage(KnownHistory.JOURNEY, "evaluation", 1, 1, 1, 1.0),
                new KpiReports.FunnelStage(KnownHistory.JOURNEY, "decision", 2, 1, 1, 1.0));
        assertThat(funnel.cohorts()).extracting(KpiReports.Cohort::cohort).containsExactly("2026-01");
        assertThat(KpiReports.funnel(totals(), filter("2026-02", "2026-12")).stages()).isEmpty();
    }

    @Test
    void velocityGivesMedianAndP75OfWholeDaysIncludingTheStageADealClosedFrom() {
        List<KpiReports.StageVelocity> velocity = KpiReports.velocity(totals(), KpiFilter.ALL);

        // exploration: Acme 10 days (left in January), Globex 52 days (closed lost from it on 1 March)
        assertThat(velocity).containsExactlyInAnyOrder(
                new KpiReports.StageVelocity(KnownHistory.JOURNEY, "exploration", 2, 10L, 52L, 31.0),
                new KpiReports.StageVelocity(KnownHistory.JOURNEY, "evaluation", 1, 26L, 26L, 26.0),
                new KpiReports.StageVelocity(KnownHistory.JOURNEY, "decision", 1, 10L, 10L, 10.0));
        assertThat(KpiReports.velocity(totals(), filter("2026-01", "2026-01")))
                .extracting(KpiReports.StageVelocity::visits).containsExactly(1L);
    }

    @Test
    void stallsSayWhatBecameOfThemPerStageAndPerSilentPersona() {
        KpiReports.Stalls stalls = KpiReports.stalls(totals(), KpiFilter.ALL);

        assertThat(stalls.stalledNow()).isZero();
        assertThat(stalls.byStage()).hasSize(2);
        KpiReports.StallGroup evaluation = stalls.byStage().stream().filter(g -> g.key().equals("evaluation"))
                .findFirst().orElseThrow();
        assertThat(evaluation.episodes()).isEqualTo(1);
        assertThat(evaluation.outcomes()).containsEntry("advanced", 1L).containsEntry("resumed", 0L);
        KpiReports.StallGroup exploration = stalls.byStage().stream().filter(g -> g.key().equals("exploration"))
                .findFirst().orElseThrow();
        assertThat(exploration.outcomes()).containsEntry("lost", 1L).containsEntry("open", 0L);
        assertThat(stalls.bySilentPersona()).singleElement().satisfies(persona -> {
            assertThat(persona.key()).isEqualTo("economic_buyer");
            assertThat(persona.outcomes()).containsEntry("advanced", 1L);
        });
    }

    @Test
    void coverageRelatesTheRequiredPersonasAtTheCloseToTheOutcome() {
        KpiReports.Coverage coverage = KpiReports.coverage(totals(), KpiFilter.ALL);

        assertThat(coverage.byStage()).as("no open account").isEmpty();
        // Acme closed in decision, which requires the economic buyer, who is on its committee: full; Globex's
        // exploration requires nobody
        assertThat(coverage.outcomesByCoverage()).filteredOn(band -> band.band().equals("full")).singleElement()
                .satisfies(band -> {
                    assertThat(band.outcomes()).containsEntry("won", 1L).containsEntry("lost", 0L);
                    assertThat(band.winRate()).isEqualTo(1.0);
                });
        assertThat(coverage.outcomesByCoverage()).filteredOn(band -> band.band().equals("n/a")).singleElement()
                .satisfies(band -> assertThat(band.outcomes()).containsEntry("lost", 1L));
    }

    @Test
    void everyAttributionModelSharesTheThreeConversionsAsComputedByHand() {
        // conversions: Acme into evaluation (window tp1 tp2 tp3), into decision (tp4), won (tp1..tp4; deal.won is
        // bookkeeping and earns nothing)
        KpiTotals totals = totals();
        Map<AttributionModel, double[]> marketingAndSales = Map.of(
                // evaluation → tp1 (marketing); decision → tp4 (sales); won → tp1 (marketing)
                AttributionModel.FIRST_TOUCH, new double[] {2, 1},
                // tp3, tp4, tp4: all sales
                AttributionModel.LAST_TOUCH, new double[] {0, 3},
                // 2/3 + 0 + 2/4 marketing, 1/3 + 1 + 2/4 sales
                AttributionModel.LINEAR, new double[] {1.167, 1.833},
                // halving per 7 days before the conversion: 0.1875 + 0.3077 + 0.0246 + 0.0403 marketing
                AttributionModel.TIME_DECAY, new double[] {0.560, 2.440},
                // evaluation 1/3 each (three milestones); won: first tp1 and milestone = last = tp4 get 0.45,
                // tp2 and tp3 0.05 each → 1/3 + 1/3 + 0.45 + 0.05 marketing
                AttributionModel.W_SHAPED, new double[] {1.167, 1.833});
        marketingAndSales.forEach((model, expected) -> {
            KpiReports.Contribution contribution = KpiReports.contribution(totals, KpiFilter.ALL, model);
            assertThat(contribution.conversions()).isEqualTo(3);
            assertThat(credit(contribution, "source", "marketing")).as(model + " marketing")
                    .isCloseTo(expected[0], within(0.0011));
            assertThat(credit(contribution, "source", "sales")).as(model + " sales")
                    .isCloseTo(expected[1], within(0.0011));
            for (String dimension : KpiReports.DIMENSIONS) {
                assertThat(contribution.byDimension().get(dimension).stream()
                        .mapToDouble(KpiReports.Credit::credit).sum())
                        .as("%s hands out one per conversion in %s", model, dimension).isCloseTo(3.0, within(0.002));
            }
        });
        KpiReports.Contribution linear = KpiReports.contribution(totals, KpiFilter.ALL, AttributionModel.LINEAR);
        assertThat(credit(linear, "campaign", "q1-webinar")).isCloseTo(1.0 / 3 + 0.25, within(0.001));
        assertThat(credit(linear, "content", "case-study")).isCloseTo(1.0 / 3 + 0.25, within(0.001));
        assertThat(credit(linear, "channel", "proposal")).isCloseTo(1.25, within(0.001));
        KpiReports.Contribution wShaped = KpiReports.contribution(totals, KpiFilter.ALL, AttributionModel.W_SHAPED);
        // the ROI guide (tp2): a milestone of evaluation's three-touch window (1/3), one of the two others of the
        // won window (10 % / 2)
        assertThat(credit(wShaped, "content", "roi-guide")).isCloseTo(1.0 / 3 + 0.05, within(0.001));
        assertThat(credit(wShaped, "channel", "proposal")).as("tp4: all of decision, milestone and last of won")
                .isCloseTo(1.45, within(0.001));
        KpiReports.Contribution wonOnly = KpiReports.contribution(totals,
                new KpiFilter(null, null, null, "won", "marketing", null), AttributionModel.LINEAR);
        assertThat(wonOnly.conversions()).isEqualTo(1);
        assertThat(credit(wonOnly, "source", "marketing")).isCloseTo(0.5, within(0.001));
        assertThat(wonOnly.byDimension().get("source")).extracting(KpiReports.Credit::value)
                .containsExactly("marketing");
    }

    @Test
    void outcomesByBandsAndCycleLength() {
        KpiReports.Outcomes outcomes = KpiReports.outcomes(totals(), KpiFilter.ALL);

        assertThat(outcomes.closed()).containsEntry("won", 1L).containsEntry("lost", 1L)
                .containsEntry("no_decision", 0L);
        assertThat(outcomes.winRate()).isEqualTo(0.5);
        assertThat(outcomes.noDecisionRate()).isEqualTo(0.0);
        assertThat(outcomes.byMomentum()).filteredOn(band -> band.band().equals("high")).singleElement()
                .satisfies(band -> assertThat(band.outcomes()).containsEntry("won", 1L));
        assertThat(outcomes.byMomentum()).filteredOn(band -> band.band().equals("low")).singleElement()
                .satisfies(band -> assertThat(band.outcomes()).containsEntry("lost", 1L));
        // 5 Jan → 20 Feb is 46 days; 8 Jan → 1 Mar is 52
        assertThat(outcomes.cycle().get("won")).isEqualTo(new KpiReports.Cycle(1, 46L, 46L));
        assertThat(outcomes.cycle().get("lost")).isEqualTo(new KpiReports.Cycle(1, 52L, 52L));
        assertThat(KpiReports.outcomes(totals(), filter("2026-03", "2026-03")).closed())
                .containsEntry("won", 0L).containsEntry("lost", 1L);
    }

    @Test
    void reasonsBuyersGiveStandBesideThoseSellersGivePerPersona() {
        KpiReports.Reasons reasons = KpiReports.reasons(totals(), KpiFilter.ALL);

        assertThat(reasons.reasons()).containsExactlyInAnyOrder(new KpiReports.ReasonCount("roi", 1, 0),
                new KpiReports.ReasonCount("integration", 1, 0), new KpiReports.ReasonCount("price", 0, 1));
        assertThat(reasons.byPersona()).containsExactlyInAnyOrder(
                new KpiReports.PersonaReason("economic_buyer", "buyer", "integration", 1),
                new KpiReports.PersonaReason("economic_buyer", "buyer", "roi", 1),
                new KpiReports.PersonaReason("unknown", "seller", "price", 1));
        assertThat(KpiReports.reasons(totals(), new KpiFilter(null, null, null, null, null, "lost")).reasons())
                .extracting(KpiReports.ReasonCount::reason).containsExactly("price");
    }

    @Test
    void enablementFollowsTheContentSellersUsed() {
        // the seller used the case study on 15 Jan; Acme advanced that day and won later; the ROI guide was a
        // marketing download, not a seller's use
        assertThat(KpiReports.enablement(totals(), KpiFilter.ALL))
                .containsExactly(new KpiReports.ContentUse("case-study", 1, 1, 1, 1, 1.0));
    }

    @Test
    void theSummaryReadsTheSameTotals() {
        KpiSummary summary = KpiReports.summary(totals());

        assertThat(summary.accountsTracked()).isEqualTo(2);
        assertThat(summary.touchpointsBySource().get(dev.tandem.model.TouchpointSource.MARKETING)).isEqualTo(3);
        assertThat(summary.touchpointsBySource().get(dev.tandem.model.TouchpointSource.SALES)).isEqualTo(4);
        assertThat(summary.journey().outcomes().get(dev.tandem.model.DealOutcome.WON)).isEqualTo(1);
        // exploration's two stays average 31 days: the stage Globex closed from is no longer left out
        assertThat(summary.journey().averageDaysInStage()).containsEntry("exploration", 31.0)
                .containsEntry("decision", 10.0);
    }

    @Test
    void duplicatesAndAnyBatchingGiveTheSameCounters() {
        List<JourneyEventV1> events = KnownHistory.acme(TENANT);
        AccountKpis whole = fold(events);
        Map<String, Long> once = new HashMap<>(whole.counters());
        whole.facts().drainCredit().forEach((key, value) -> once.merge(key, value, Long::sum));
        Random random = new Random(42);
        for (int run = 0; run < 50; run++) {
            List<JourneyEventV1> delivered = new ArrayList<>();
            for (JourneyEventV1 event : events) {
                delivered.add(event);
                if (random.nextInt(3) == 0) {
                    delivered.add(event);
                }
                if (random.nextInt(5) == 0) {
                    delivered.add(events.get(random.nextInt(events.indexOf(event) + 1)));
                }
            }
            StoredAccount stored = new StoredAccount(TENANT, KnownHistory.ACME);
            Map<String, Long> earned = new HashMap<>();
            int from = 0;
            while (from < delivered.size()) {
                int to = Math.min(delivered.size(), from + 1 + random.nextInt(5));
                // each batch starts from what was stored after the previous one
                stored.apply(delivered.subList(from, to)).forEach((key, value) -> earned.merge(key, value, Long::sum));
                from = to;
            }
            Map<String, Long> counted = new HashMap<>(stored.state.counters());
            earned.forEach((key, value) -> counted.merge(key, value, Long::sum));
            assertThat(counted).as("run %d", run).isEqualTo(once);
        }
    }

    private static double credit(KpiReports.Contribution contribution, String dimension, String value) {
        return contribution.byDimension().get(dimension).stream().filter(credit -> credit.value().equals(value))
                .mapToDouble(KpiReports.Credit::credit).sum();
    }

    private static KpiFilter filter(String from, String to) {
        return new KpiFilter(YearMonth.parse(from), YearMonth.parse(to), null, null, null, null);
    }
}
