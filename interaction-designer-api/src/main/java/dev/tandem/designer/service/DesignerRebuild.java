package dev.tandem.designer.service;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.RecordedTouchpoints;
import dev.tandem.designer.messaging.IncomingRecords;
import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.designer.repository.ReadModelStore.Generation;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.support.messaging.JourneyEventRecords;
import dev.tandem.support.messaging.RecordBatch;
import dev.tandem.support.rebuild.KeyedFold;
import dev.tandem.support.rebuild.LogReplay;
import dev.tandem.support.rebuild.ProjectionRebuild;
import dev.tandem.support.rebuild.RebuildJob;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the sellers' read model from the log without stopping it, into the next generation of
 * {@link ReadModelStore}: contacts from the compacted contacts topic (profiles of erased people open as erasures,
 * their data keys being forgotten), account journeys from the account snapshots, timelines from the touchpoints of
 * the journey events, each written by the same guarded repository code the live consumers use. Between polls it
 * keeps each account's newest snapshot (as read, by version) and latest touchpoints in memory ({@link KeyedFold},
 * {@code tandem.designer.rebuild.cached-accounts}), so a document is written once per that many accounts instead of
 * once per poll. At the end of the log the new generation becomes current (one atomic update); what the live
 * consumers wrote to the old one meanwhile is read once more into the new one (every write is guarded, so the live
 * consumers and the catch-up may meet on one document), and the old generation is dropped. The job itself is
 * {@link ProjectionRebuild}'s.
 */
@Singleton
public class DesignerRebuild extends ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(DesignerRebuild.class);
    /** Records per poll of the rebuild: larger than the live consumers', for fewer round trips. */
    static final int BATCH = 10_000;

    private final ReadModelStore store;
    private final AccountJourneyProjection journeys;
    private final TimelineProjection timelines;
    private final DesignerConfig config;

    public DesignerRebuild(ReadModelStore store, AccountJourneyProjection journeys, TimelineProjection timelines,
            DesignerConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        super("designer", bootstrapServers);
        this.store = store;
        this.journeys = journeys;
        this.timelines = timelines;
        this.config = config;
    }

    /** A snapshot as read from the log: its version and its JSON, parsed again only if it is the newest. */
    private record LoggedSnapshot(long version, String json) {
        LoggedSnapshot newer(LoggedSnapshot other) {
            return other.version() > version ? other : this;
        }
    }

    @Override
    protected void rebuild(Run run) {
        Generation current = store.current().await().atMost(PATIENCE);
        Generation next = store.generation(current.number() + 1);
        store.drop(next.number()).chain(() -> store.ensureIndexes(next)).await().atMost(PATIENCE);
        int cached = config.rebuild().cachedAccounts();
        KeyedFold<LoggedSnapshot> snapshots = new KeyedFold<>(cached, LoggedSnapshot::newer, newest ->
                journeys.applySnapshots(newest.stream().map(logged -> EventJson.read(logged.json(),
                        AccountSnapshotV1.class)).toList(), next).await().atMost(PATIENCE));
        KeyedFold<RecordedTouchpoints> touchpoints = new KeyedFold<>(cached,
                RecordedTouchpoints::and,
                recorded -> timelines.apply(recorded, next).await().atMost(PATIENCE));
        List<Source> sources = List.of(
                new Source(run.replay(Topics.CONTACTS, BATCH), records -> contacts(records, next), () -> { }),
                new Source(run.replay(Topics.ACCOUNT_SNAPSHOTS, BATCH), records -> snapshots(records, snapshots),
                        snapshots::flush),
                new Source(run.replay(Topics.JOURNEY_EVENTS, BATCH), records -> touchpoints(records, touchpoints),
                        touchpoints::flush));
        for (Source source : sources) {
            run.count(source.replay(), source.replay().endOffsets());
        }
        LOG.infof("Rebuilding the sellers' read model into generation %d from contacts, account snapshots and "
                + "journey events", next.number());
        readAll(run, sources);
        // once more to the ends as they are now, so the swap leaves little to catch up
        readAll(run, sources);
        run.state(RebuildJob.SWAPPING);
        store.makeCurrent(next.number()).await().atMost(PATIENCE);
        run.state(RebuildJob.CATCHING_UP);
        // what the live consumers wrote to the old generation until they saw the switch
        readAll(run, sources);
        for (int old : store.otherGenerations(next.number()).await().atMost(PATIENCE)) {
            store.drop(old).await().atMost(PATIENCE);
        }
        LOG.infof("Generation %d of the sellers' read model is current (snapshots written in %,d and timelines in "
                + "%,d flushes)",
                next.number(), snapshots.flushes(), touchpoints.flushes());
    }

    /** One topic of the read model: its reader, how a poll is applied, and what is written at its end. */
    private record Source(LogReplay replay, ToIntFunction<ConsumerRecords<String, String>> apply, Runnable flush) {
    }

    private static void readAll(Run run, List<Source> sources) {
        for (Source source : sources) {
            run.readToEnd(source.replay(), source.apply());
            source.flush().run();
        }
    }

    private int contacts(ConsumerRecords<String, String> records, Generation next) {
        RecordBatch<ContactChange> batch = RecordBatch.readRecords(records, IncomingRecords::contact);
        if (!batch.valid().isEmpty()) {
            journeys.applyContactChanges(batch.valid(), next).await().atMost(PATIENCE);
        }
        return batch.rejected().size();
    }

    private static int snapshots(ConsumerRecords<String, String> records, KeyedFold<LoggedSnapshot> fold) {
        RecordBatch<ConsumerRecord<String, String>> batch = RecordBatch.readRecords(records, record -> {
            AccountSnapshotV1 snapshot = IncomingRecords.snapshot(record.key(), record.value());
            fold.add(record.key(), new LoggedSnapshot(snapshot.accountVersion(), record.value()));
            return record;
        });
        return batch.rejected().size();
    }

    private static int touchpoints(ConsumerRecords<String, String> records,
            KeyedFold<RecordedTouchpoints> fold) {
        RecordBatch<JourneyEventV1> batch = RecordBatch.readRecords(records,
                record -> JourneyEventRecords.read(record.key(), record.value()));
        TimelineProjection.recordedOf(batch.valid()).forEach(fold::add);
        return batch.rejected().size();
    }

    @PreDestroy
    void stop() {
        shutdown();
    }
}
