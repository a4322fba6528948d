package dev.tandem.state.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.PersonaV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyStatus;
import dev.tandem.state.service.JourneyContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology on Kafka Streams' test driver: stores, punctuators and sinks, with a wall clock we move. */
class JourneyTopologyTest {

    private static final String TENANT = "t1";
    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private static final Duration GRACE = Duration.ofMillis(200);
    private static final Duration STALL_TICK = Duration.ofMinutes(1);
    private static final Duration SNAPSHOT_TICK = Duration.ofMillis(100);
    private static final Duration CATCH_UP_AFTER = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_INTERVAL = Duration.ofSeconds(5);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> touchpoints;
    private TestInputTopic<String, String> definitions;
    private TestInputTopic<String, String> personas;
    private TestOutputTopic<String, String> events;
    private TestOutputTopic<String, String> snapshots;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() throws Exception {
        TopologySettings settings = new TopologySettings(tenant -> Duration.ofDays(30), 4, GRACE, 3, STALL_TICK, 1000,
                SNAPSHOT_TICK, 100, CATCH_UP_AFTER, CATCH_UP_INTERVAL);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "journey-state-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("journey-topology").toString());
        driver = new TopologyTestDriver(JourneyTopology.build(settings, new JourneyContexts(Map.of()),
                new StateMetrics(registry)), props, START);
        StringSerializer out = new StringSerializer();
        StringDeserializer in = new StringDeserializer();
        touchpoints = driver.createInputTopic(Topics.TOUCHPOINTS, out, out);
        definitions = driver.createInputTopic(Topics.JOURNEY_DEFINITIONS, out, out);
        personas = driver.createInputTopic(Topics.PERSONAS, out, out);
        events = driver.createOutputTopic(Topics.JOURNEY_EVENTS, in, in);
        snapshots = driver.createOutputTopic(Topics.ACCOUNT_SNAPSHOTS, in, in);
        deadLetters = driver.createOutputTopic(Topics.DLQ_JOURNEY_STATE, in, in);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static TouchpointV1 touchpoint(String id, String account, double day, String type, String contact,
            String title) {
        Instant at = START.minus(Duration.ofDays(60)).plus(Duration.ofMinutes(Math.round(day * 24 * 60)));
        return new TouchpointV1(id, TENANT, account, type, TouchpointSource.MARKETING, Direction.BUYER_INITIATED, at,
                at, contact, title, Map.of());
    }

    private void send(TouchpointV1 touchpoint) {
        touchpoints.pipeInput(EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint));
    }

    private List<JourneyEventV1> eventsOf(List<TestRecord<String, String>> records) {
        return records.stream().map(r -> EventJson.read(r.value(), JourneyEventV1.class)).toList();
    }

    private AccountSnapshotV1 lastSnapshot() {
        driver.advanceWallClockTime(SNAPSHOT_TICK);
        List<TestRecord<String, String>> all = snapshots.readRecordsToList();
        return EventJson.read(all.get(all.size() - 1).value(), AccountSnapshotV1.class);
    }

    /** A history of one account: a committee growing over 27 days, within the 30-day horizon. */
    private static List<TouchpointV1> history(String account) {
        List<TouchpointV1> history = new ArrayList<>();
        String[][] contacts = {{"dana", "Director of Operations"}, {"tom", "Enterprise Architect"},
                {"cfo", "CFO"}, {"eve", "Marketing Manager"}};
        String[] types = {"web.visited", "content.downloaded", "webinar.attended", "demo.requested", "meeting.held",
                "pricing.viewed", "trial.started", "email.replied"};
        for (int i = 0; i < 30; i++) {
            String[] contact = contacts[i % contacts.length];
            history.add(touchpoint("tp-" + (100 + i), account, i * 0.9, types[(i * 5) % types.length], contact[0],
                    contact[1]));
        }
        return history;
    }

    @Test
    void inOrderTouchpointsBecomeGaplessJourneyEventsAndASnapshot() {
        history("acme").forEach(this::send);

        List<TestRecord<String, String>> records = events.readRecordsToList();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("t1/acme");
            assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .startsWith("dev.tandem.journey.");
        });
        List<JourneyEventV1> journeyEvents = eventsOf(records);
        assertThat(journeyEvents).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, journeyEvents.size()).boxed().toList());
        driver.advanceWallClockTime(SNAPSHOT_TICK);
        List<TestRecord<String, String>> published = snapshots.readRecordsToList();
        assertThat(published).as("coalesced: one snapshot per changed account per tick").hasSize(1);
        AccountSnapshotV1 snapshot = EventJson.read(published.get(0).value(), AccountSnapshotV1.class);
        assertThat(snapshot.touchpointCount()).isEqualTo(30);
        assertThat(snapshot.accountVersion()).isEqualTo(journeyEvents.size());
        assertThat(snapshot.committee()).hasSize(4);
    }

    @Test
    void shuffledWithDuplicatesTheAccountEndsWhereInOrderArrivalPutsIt() {
        List<TouchpointV1> history = history("acme");
        List<TouchpointV1> arrivals = new ArrayList<>(history);
        arrivals.addAll(history.subList(0, 10));
        Collections.shuffle(arrivals, new Random(7));
        arrivals.forEach(this::send);
        driver.advanceWallClockTime(GRACE.multipliedBy(2));

        AccountJourney reference = AccountJourney.start(TENANT, "acme", JourneyContext.defaults(TENANT));
        history.forEach(reference::apply);
        AccountSnapshotV1 actual = lastSnapshot();
        AccountSnapshotV1 expected = reference.snapshot();
        assertThat(actual.touchpointCount()).isEqualTo(30);
        // engagement is a sum of decayed contributions: equal up to the order of floating-point additions
        assertThat(actual.committee()).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b),
                                Double.class)
                        .build())
                .isEqualTo(expected.committee());
        assertThat(actual.momentum()).isEqualTo(expected.momentum());
        assertThat(actual.journey().stageHistory()).isEqualTo(expected.journey().stageHistory());
        List<JourneyEventV1> journeyEvents = eventsOf(events.readRecordsToList());
        assertThat(journeyEvents).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, journeyEvents.size()).boxed().toList());
        assertThat(registry.get("tandem.state.touchpoints").tag("outcome", "duplicate").counter().count())
                .isEqualTo(10);
    }

    @Test
    void whileCatchingUpABacklogSnapshotsWaitAndTheFinalStatesGoOutOnceItIsRead() {
        List<TouchpointV1> history = history("acme");
        Instant writtenLongAgo = START.minus(Duration.ofMinutes(10));
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            sendWrittenAt(history.get(i), writtenLongAgo);
            driver.advanceWallClockTime(SNAPSHOT_TICK);
            elapsed = elapsed.plus(SNAPSHOT_TICK);
        }
        assertThat(snapshots.readRecordsToList()).as("published at the first tick only, then held back").hasSize(1);

        // the backlog is read: once the task was quiet for a second the final state goes out, before the interval
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        elapsed = elapsed.plus(Duration.ofSeconds(1));
        assertThat(snapshots.readRecordsToList()).singleElement().satisfies(r -> assertThat(EventJson.read(
                r.value(), AccountSnapshotV1.class).touchpointCount()).isEqualTo(10));
        assertThat(elapsed).isLessThan(CATCH_UP_INTERVAL);

        // a touchpoint written just now is published at the next tick
        sendWrittenAt(history.get(10), START.plus(elapsed).plus(SNAPSHOT_TICK));
        driver.advanceWallClockTime(SNAPSHOT_TICK);
        assertThat(snapshots.readRecordsToList()).singleElement().satisfies(r -> assertThat(EventJson.read(
                r.value(), AccountSnapshotV1.class).touchpointCount()).isEqualTo(11));
    }

    private void sendWrittenAt(TouchpointV1 touchpoint, Instant writtenAt) {
        touchpoints.pipeInput(EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint), writtenAt);
    }

    @Test
    void lateTouchpointsWithinTheGraceAreFoldedIntoOneReplay() {
        List<TouchpointV1> history = history("acme");
        history.subList(20, 30).forEach(this::send);
        history.subList(0, 20).forEach(this::send);
        assertThat(registry.get("tandem.state.rederivations").counter().count()).isZero();

        driver.advanceWallClockTime(GRACE.multipliedBy(2));

        assertThat(registry.get("tandem.state.rederivations").counter().count()).isEqualTo(1);
        assertThat(lastSnapshot().touchpointCount()).isEqualTo(30);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndThePartitionGoesOn() {
        touchpoints.pipeInput("t1/acme", "{not json");
        send(touchpoint("tp-1", "acme", 0, "web.visited", "dana", "CFO"));

        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("{not json");
            assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("TouchpointV1");
            assertThat(new String(r.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.TOUCHPOINTS);
        });
        assertThat(lastSnapshot().touchpointCount()).isEqualTo(1);
    }

    @Test
    void theStallPunctuatorVisitsOnlyDueAccountsAndNeverMovesTheStage() {
        // one account quiet for 60 days: due at once; one touched just now: not due for days
        send(touchpoint("tp-1", "quiet", 0, "content.downloaded", "dana", "Director of Operations"));
        send(touchpoint("tp-2", "busy", 60, "content.downloaded", "dana", "Director of Operations"));
        String quietStage = lastStageOf("t1/quiet");
        events.readRecordsToList();

        driver.advanceWallClockTime(STALL_TICK);

        List<TestRecord<String, String>> ticked = events.readRecordsToList();
        assertThat(ticked).isNotEmpty().allSatisfy(r -> assertThat(r.key()).isEqualTo("t1/quiet"));
        assertThat(eventsOf(ticked)).extracting(JourneyEventV1::type).containsOnly("StallDetected");
        assertThat(registry.get("tandem.state.stall.visits").counter().count()).isEqualTo(1);
        AccountSnapshotV1 quiet = lastSnapshot();
        assertThat(quiet.journey().stageKey()).isEqualTo(quietStage);
        assertThat(quiet.journey().alerts()).isNotEmpty();

        driver.advanceWallClockTime(STALL_TICK);
        assertThat(events.readRecordsToList()).as("the same stall is not told twice").isEmpty();
    }

    private String lastStageOf(String key) {
        driver.advanceWallClockTime(SNAPSHOT_TICK);
        List<TestRecord<String, String>> all = snapshots.readRecordsToList();
        String stage = null;
        for (TestRecord<String, String> r : all) {
            if (r.key().equals(key)) {
                stage = EventJson.read(r.value(), AccountSnapshotV1.class).journey().stageKey();
            }
        }
        return stage;
    }

    @Test
    void aPublishedJourneyFromTheGlobalStoreMeasuresTheTenantsNextTouchpoints() {
        JourneyDefinition base = DefaultJourney.definition(TENANT);
        JourneyDefinition pilot = new JourneyDefinition(TENANT, "pilot", 2, JourneyStatus.PUBLISHED, "Pilot",
                base.halfLife(), base.requiredRoles(), base.stages());
        definitions.pipeInput(TENANT + "/pilot", EventJson.write(pilot));
        definitions.pipeInput(TENANT + "/broken", "{\"tenantId\":\"t1\"}");

        send(touchpoint("tp-1", "acme", 0, "web.visited", "dana", "CFO"));

        assertThat(lastSnapshot().journey().journeyId()).isEqualTo("pilot");
        assertThat(registry.get("tandem.state.definitions.refused").counter().count()).isEqualTo(1);
    }

    @Test
    void theTenantsPersonasInferRolesFromTheNextTouchpointOnAndATombstoneRestoresTheStandardPatterns() {
        send(touchpoint("tp-1", "acme", 0, "web.visited", "lee", "Data Lead"));
        assertThat(roleOf(lastSnapshot(), "lee")).isEqualTo(CommitteeRole.TECHNICAL_EVALUATOR);

        personas.pipeInput(TENANT + "/champion", EventJson.write(
                new PersonaV1(TENANT, CommitteeRole.CHAMPION, List.of("data lead"), 1.5, 2)));
        // an older revision arriving late, a persona under another tenant's key, a pattern that cannot compile
        personas.pipeInput(TENANT + "/champion", EventJson.write(
                new PersonaV1(TENANT, CommitteeRole.CHAMPION, List.of("nobody"), 1.0, 1)));
        personas.pipeInput("t2/champion", EventJson.write(
                new PersonaV1(TENANT, CommitteeRole.CHAMPION, List.of("anyone"), 1.0, 3)));
        personas.pipeInput(TENANT + "/blocker", EventJson.write(
                new PersonaV1(TENANT, CommitteeRole.BLOCKER, List.of("head of [ops"), 1.0, 1)));
        send(touchpoint("tp-2", "globex", 1, "web.visited", "kim", "Data Lead"));
        assertThat(roleOf(lastSnapshot(), "kim")).isEqualTo(CommitteeRole.CHAMPION);
        assertThat(registry.get("tandem.state.personas.refused").counter().count()).isEqualTo(2);

        personas.pipeInput(TENANT + "/champion", (String) null);
        send(touchpoint("tp-3", "initech", 2, "web.visited", "max", "Data Lead"));
        assertThat(roleOf(lastSnapshot(), "max")).isEqualTo(CommitteeRole.TECHNICAL_EVALUATOR);
    }

    private static CommitteeRole roleOf(AccountSnapshotV1 snapshot, String contact) {
        return snapshot.committee().stream().filter(m -> m.contactKey().equals(contact)).findFirst().orElseThrow()
                .role();
    }
}
