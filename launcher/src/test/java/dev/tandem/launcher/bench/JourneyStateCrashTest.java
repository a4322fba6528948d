package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.launcher.platform.RepositoryRoot;
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
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * journey-state killed with SIGKILL in the middle of a drain of a shuffled backfill, then started again, ends
 * exactly where an uninterrupted in-order run ends: the same final state per account, and journey events per
 * account gapless and unique (exactly-once: a killed transaction is aborted, a reader of committed records
 * never sees its output), nothing lost.
 */
class JourneyStateCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyStateCrashTest.class);
    private static final int EVENTS = 3_000;
    private static final int ACCOUNTS = 100;
    /** Live stall ticks read the wall clock; the reference is a pure replay, so the punctuator stays off here. */
    private static final String NO_TICKS = "tandem.state.stall-tick.interval=1h";
    /** The history spans about two months: all of it within the horizon, so the reference is the in-order run. */
    private static final String LONG_HORIZON = "tandem.state.lateness.horizon=3650d";

    @Test
    void aKilledAndRestartedServiceEndsWhereAnUninterruptedRunEnds() throws Exception {
        List<TouchpointV1> inOrder = TouchpointMix.generate("dev", EVENTS, ACCOUNTS, 0.08, 7);
        List<TouchpointV1> touchpoints = TouchpointMix.shuffledPerAccount(inOrder, 7);
        long distinct = TouchpointMix.distinct(touchpoints);
        assertThat(distinct).as("the history has duplicates").isLessThan(EVENTS);
        Path data = Files.createTempDirectory("tandem-crash-");
        try (ServiceRig rig = ServiceRig.start(RepositoryRoot.locate(), data,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
                KafkaTestClient kafka = new KafkaTestClient(rig.bootstrapServers())) {
            rig.prefill(touchpoints);
            // small polls and frequent commits, so the kill lands between some transactions and inside another
            rig.startState(List.of("tandem.state.streams.config.\"max.poll.records\"=40", NO_TICKS, LONG_HORIZON));
            long committedAtKill = killMidway(rig, kafka);
            LOG.info("Killed journey-state with {} of {} records committed", committedAtKill, touchpoints.size());
            rig.startState(List.of(NO_TICKS, LONG_HORIZON));
            awaitDrained(rig);
            // the last late touchpoints wait for the grace period after their records were committed
            Thread.sleep(2_000);

            Map<String, AccountJourney> reference = reference(inOrder);
            Map<String, Long> versions = assertSameFinalState(kafka.readToEnd(Topics.ACCOUNT_SNAPSHOTS), reference);
            assertGaplessAndUnique(kafka.readToEnd(Topics.JOURNEY_EVENTS), versions);
        }
    }

    /** Waits until some journey events are out and the drain is under way, then SIGKILLs the service. */
    private static long killMidway(ServiceRig rig, KafkaTestClient kafka) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerLag.Progress progress = rig.progress();
            if (progress.committed() >= progress.total() / 5 && progress.total() > 0) {
                assertThat(progress.drained()).as("killed before the drain finished").isFalse();
                assertThat(kafka.readToEnd(Topics.JOURNEY_EVENTS)).as("journey events appeared").isNotEmpty();
                rig.killState();
                return rig.progress().committed();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("journey-state committed nothing in time; see " + rig.logFile());
    }

    private static void awaitDrained(ServiceRig rig) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        ConsumerLag.Progress progress = rig.progress();
        while (!progress.drained()) {
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

    /** The final snapshot of each account: the reference's canonical state; its version is that of its events. */
    private static Map<String, Long> assertSameFinalState(List<ConsumerRecord<String, String>> records,
            Map<String, AccountJourney> reference) {
        Map<String, AccountSnapshotV1> latest = new TreeMap<>();
        records.forEach(r -> latest.merge(r.key(), EventJson.read(r.value(), AccountSnapshotV1.class),
                (a, b) -> b.accountVersion() >= a.accountVersion() ? b : a));
        assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        Map<String, Long> versions = new TreeMap<>();
        reference.forEach((key, journey) -> {
            AccountSnapshotV1 expected = journey.snapshot();
            AccountSnapshotV1 actual = latest.get(key);
            assertThat(actual.momentum()).as("momentum of %s", key).isEqualTo(expected.momentum());
            assertThat(actual.touchpointCount()).as("touchpoints of %s", key).isEqualTo(expected.touchpointCount());
            // engagement sums decayed contributions: equal up to the order of floating-point additions
            assertThat(actual.committee()).as("committee of %s", key).usingRecursiveFieldByFieldElementComparator(
                    org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                            .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b),
                                    Double.class)
                            .build())
                    .isEqualTo(expected.committee());
            assertThat(actual.journey().stageKey()).as("stage of %s", key).isEqualTo(expected.journey().stageKey());
            assertThat(actual.journey().stageHistory()).as("stage history of %s", key)
                    .isEqualTo(expected.journey().stageHistory());
            versions.put(key, actual.accountVersion());
        });
        return versions;
    }

    /** Every account's journey events are versions 1..n of its last snapshot, each exactly once. */
    private static void assertGaplessAndUnique(List<ConsumerRecord<String, String>> records,
            Map<String, Long> finalVersions) {
        Map<String, List<Long>> versionsByAccount = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            versionsByAccount.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(EventJson.read(r.value(), JourneyEventV1.class).accountVersion());
        }
        assertThat(versionsByAccount.keySet()).containsExactlyInAnyOrderElementsOf(finalVersions.keySet());
        finalVersions.forEach((account, last) -> assertThat(versionsByAccount.get(account))
                .as("versions of %s", account)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList()));
        LOG.info("{} journey events over {} accounts, none lost, none doubled", records.size(), finalVersions.size());
    }
}
