package dev.tandem.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * journey-state killed with SIGKILL in the middle of a drain, then started again, ends exactly where an
 * uninterrupted run ends: the same final state per account, every journey event version 1..n once in content
 * (a re-published duplicate of the same event is allowed: the relay is at-least-once), nothing lost.
 */
class JourneyStateCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyStateCrashTest.class);
    private static final int EVENTS = 3_000;
    private static final int ACCOUNTS = 100;
    /** Live stall ticks read the wall clock; the reference is a pure replay, so the ticker stays off here. */
    private static final String NO_TICKS = "tandem.state.stall-tick.start-delay=1h";

    @Test
    void aKilledAndRestartedServiceEndsWhereAnUninterruptedRunEnds() throws Exception {
        List<TouchpointV1> touchpoints = TouchpointMix.generate("dev", EVENTS, ACCOUNTS, 0.08, 7);
        long distinct = TouchpointMix.distinct(touchpoints);
        assertThat(distinct).as("the history has duplicates").isLessThan(EVENTS);
        Path data = Files.createTempDirectory("tandem-crash-");
        try (StateRig rig = StateRig.start(RepositoryRoot.locate(), data,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
                KafkaTestClient kafka = new KafkaTestClient(rig.bootstrapServers())) {
            rig.prefill(touchpoints);
            // small batches: many commits, so the kill lands between some and inside another
            rig.startState(List.of("mp.messaging.incoming.touchpoints-in.max.poll.records=40", NO_TICKS));
            long appliedAtKill = killMidway(rig, kafka, distinct);
            LOG.info("Killed journey-state with {} of {} touchpoints applied", appliedAtKill, distinct);
            rig.startState(List.of(NO_TICKS));
            awaitDrained(rig, distinct);

            Map<String, AccountJourney> reference = reference(touchpoints);
            assertSameFinalState(kafka.readToEnd(Topics.ACCOUNT_SNAPSHOTS), reference);
            assertGaplessAndUnambiguous(kafka.readToEnd(Topics.JOURNEY_EVENTS), reference);
        }
    }

    /** Waits until some journey events are out and the drain is under way, then SIGKILLs the service. */
    private static long killMidway(StateRig rig, KafkaTestClient kafka, long distinct) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            StateRig.Progress progress = rig.progress();
            if (progress.applied() >= distinct / 5) {
                assertThat(progress.applied()).as("killed before the drain finished").isLessThan(distinct);
                assertThat(kafka.readToEnd(Topics.JOURNEY_EVENTS)).as("journey events appeared").isNotEmpty();
                rig.killState();
                return rig.progress().applied();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("journey-state applied nothing in time; see " + rig.logFile());
    }

    private static void awaitDrained(StateRig rig, long distinct) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        StateRig.Progress progress = rig.progress();
        while (progress.applied() < distinct || progress.outboxRows() > 0) {
            assertThat(System.nanoTime()).as("drained in time: %s; see %s", progress, rig.logFile())
                    .isLessThan(deadline);
            Thread.sleep(200);
            progress = rig.progress();
        }
    }

    /** The uninterrupted run, in this JVM: each account's distinct touchpoints in topic order. */
    private static Map<String, AccountJourney> reference(List<TouchpointV1> touchpoints) {
        Map<String, AccountJourney> journeys = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        JourneyContext context = JourneyContext.defaults("dev");
        for (TouchpointV1 t : touchpoints) {
            if (seen.add(t.eventId())) {
                journeys.computeIfAbsent(EventKeys.account(t.tenantId(), t.accountKey()),
                        key -> AccountJourney.start(t.tenantId(), t.accountKey(), context)).apply(t);
            }
        }
        return journeys;
    }

    private static void assertSameFinalState(List<ConsumerRecord<String, String>> records,
            Map<String, AccountJourney> reference) {
        Map<String, AccountSnapshotV1> latest = new TreeMap<>();
        records.forEach(r -> latest.merge(r.key(), EventJson.read(r.value(), AccountSnapshotV1.class),
                (a, b) -> b.accountVersion() >= a.accountVersion() ? b : a));
        assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        reference.forEach((key, journey) -> {
            AccountSnapshotV1 expected = journey.snapshot();
            AccountSnapshotV1 actual = latest.get(key);
            assertThat(actual.accountVersion()).as("version of %s", key).isEqualTo(expected.accountVersion());
            assertThat(actual.momentum()).as("momentum of %s", key).isEqualTo(expected.momentum());
            assertThat(actual.touchpointCount()).as("touchpoints of %s", key).isEqualTo(expected.touchpointCount());
            assertThat(actual.committee()).as("committee of %s", key).isEqualTo(expected.committee());
            assertThat(actual.journey().stageKey()).as("stage of %s", key).isEqualTo(expected.journey().stageKey());
        });
    }

    private static void assertGaplessAndUnambiguous(List<ConsumerRecord<String, String>> records,
            Map<String, AccountJourney> reference) {
        Map<String, Map<Long, Set<String>>> contentsByVersion = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            long version = EventJson.read(r.value(), JourneyEventV1.class).accountVersion();
            contentsByVersion.computeIfAbsent(r.key(), k -> new TreeMap<>())
                    .computeIfAbsent(version, v -> new HashSet<>()).add(r.value());
        }
        long versions = 0;
        for (Map.Entry<String, AccountJourney> account : reference.entrySet()) {
            Map<Long, Set<String>> mine = contentsByVersion.getOrDefault(account.getKey(), Map.of());
            long expected = account.getValue().version();
            assertThat(mine.keySet()).as("versions of %s", account.getKey())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
            mine.forEach((version, contents) -> assertThat(contents)
                    .as("content of %s version %d", account.getKey(), version).hasSize(1));
            versions += expected;
        }
        long republished = records.size() - versions;
        LOG.info("{} journey events, {} versions, {} re-published duplicates of the same event", records.size(),
                versions, republished);
        // a projection applying an event only when its version is newer converges: one content per version
        Map<String, Long> projected = records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> EventJson.read(r.value(), JourneyEventV1.class).accountVersion(), Math::max));
        reference.forEach((key, journey) -> assertThat(projected.get(key)).isEqualTo(journey.version()));
        assertThat(new ArrayList<>(projected.keySet())).hasSize(reference.size());
    }
}
