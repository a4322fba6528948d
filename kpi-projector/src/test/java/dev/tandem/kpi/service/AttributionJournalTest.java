package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.DealClosed;
import dev.tandem.events.JourneyEventV1.StageEntered;
import dev.tandem.events.JourneyEventV1.TouchpointRecorded;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.journey.CriterionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The attribution touchpoints live in a journal beside the account's document: a history stored and read back batch
 * by batch, loading only what {@link AttributionJournal#missingFor} asks and writing what
 * {@link AttributionTouches#changes} says, credits exactly what the whole history applied in memory credits, and the
 * journal never holds more than the kept touchpoints (none after the close).
 */
class AttributionJournalTest {

    private static final String TENANT = "t";
    private static final String ACCOUNT = "a";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void storedBatchByBatchWithTheJournalCreditsWhatTheWholeHistoryCredits() {
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            // up to two and a half times the kept touchpoints, so the oldest but the first are dropped, often
            int touchpoints = seed % 4 == 0 ? 1 + random.nextInt(20) : 1 + random.nextInt(2_500);
            List<JourneyEventV1> events = history(random, touchpoints);

            AccountKpis whole = AccountKpis.untracked(TENANT, ACCOUNT);
            for (JourneyEventV1 event : events) {
                whole = whole.apply(event);
            }
            Map<String, Long> expected = new HashMap<>(whole.counters());
            whole.facts().drainCredit().forEach((key, value) -> expected.merge(key, value, Long::sum));

            StoredAccount stored = new StoredAccount(TENANT, ACCOUNT);
            Map<String, Long> counted = new HashMap<>();
            int from = 0;
            while (from < events.size()) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(300));
                stored.apply(events.subList(from, to)).forEach((key, value) -> counted.merge(key, value, Long::sum));
                assertThat(stored.journal.size()).isLessThanOrEqualTo(AttributionTouches.MAX_TOUCHES);
                from = to;
            }
            stored.state.counters().forEach((key, value) -> counted.merge(key, value, Long::sum));
            assertThat(counted).as("seed %d", seed).isEqualTo(expected);
            assertThat(expected.keySet()).as("seed %d: the win was credited", seed)
                    .anyMatch(key -> key.startsWith(KpiKeys.key(KpiKeys.CREDIT, "w_shaped", "j", "won") + "|"));
            assertThat(stored.journal).as("seed %d: nothing kept after the close", seed).isEmpty();
        }
    }

    @Test
    void aDocumentWithTheTouchpointsInlineIsReadAndMovesThemToTheJournal() {
        // as an earlier version stored it: three touchpoints, the window from the second, the first a milestone
        String inline = """
                {"journeyId":"j","startedAt":"2026-01-01T00:00:00Z","stage":"s1","stageIndex":1,
                 "touches":[%s,%s,%s],"touchesDropped":0,"windowStart":1,"lastEntryTouch":0}"""
                .formatted(inlineTouch("tp0", 0), inlineTouch("tp1", 1), inlineTouch("tp2", 2));
        KpiFacts facts = KpiFacts.fromJson(inline);

        AttributionTouches attribution = facts.attribution();
        assertThat(attribution.count()).isEqualTo(3);
        assertThat(attribution.changes().upserts()).containsOnlyKeys(0L, 1L, 2L);
        assertThat(facts.toJson()).doesNotContain("\"touches\"");
        assertThat(attribution.advanceWindow()).extracting(Touch::id).containsExactly("tp1", "tp2");
        assertThat(attribution.all()).extracting(Touch::id).containsExactly("tp0", "tp1", "tp2");
        assertThat(attribution.milestoneInAll()).isZero();
    }

    private static String inlineTouch(String id, int day) {
        return """
                {"id":"%s","at":"%s","source":"marketing","channel":"webinar","campaign":"c","content":null}"""
                .formatted(id, START.plus(Duration.ofDays(day)));
    }

    /** Touchpoints with stage entries (forward, sometimes back) between them, then a win and a late touchpoint. */
    private static List<JourneyEventV1> history(Random random, int touchpoints) {
        List<JourneyEventV1> events = new ArrayList<>();
        int stage = 0;
        events.add(event(events, START, List.of(), entered(stage)));
        Instant at = START;
        for (int i = 0; i < touchpoints; i++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
            String id = "tp" + i;
            events.add(event(events, at, List.of(id), touch(id, at, random)));
            if (random.nextInt(25) == 0) {
                stage = random.nextInt(6) == 0 && stage > 0 ? stage - 1 : stage + 1;
                events.add(event(events, at, random.nextBoolean() ? List.of(id) : List.of(), entered(stage)));
            }
        }
        at = at.plus(Duration.ofDays(1));
        events.add(event(events, at, List.of("won"), new DealClosed(DealOutcome.WON, "s" + stage, 70, "Won.")));
        events.add(event(events, at.plusSeconds(60), List.of("late"), touch("late", at.plusSeconds(60), random)));
        return events;
    }

    private static TouchpointRecorded touch(String id, Instant at, Random random) {
        TouchpointSource source = random.nextBoolean() ? TouchpointSource.MARKETING : TouchpointSource.SALES;
        return new TouchpointRecorded(id, "meeting.held", source, Direction.BUYER_INITIATED, "c" + random.nextInt(3),
                1.0, at, "meeting", "campaign-" + random.nextInt(4), "content-" + random.nextInt(5), List.of(), null);
    }

    private static StageEntered entered(int stage) {
        return new StageEntered("s" + stage, "Stage " + stage, stage == 0 ? null : "s" + (stage - 1), "j", 1,
                List.of(CriterionResult.of("s" + stage, "true", true)), "Entered.", stage,
                List.of(CommitteeRole.CHAMPION));
    }

    private static JourneyEventV1 event(List<JourneyEventV1> events, Instant at, List<String> causedBy,
            JourneyEventV1.Payload data) {
        long version = events.size() + 1;
        return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, ACCOUNT, version), TENANT, ACCOUNT, version, at,
                causedBy, data);
    }
}
