package dev.tandem.kpi.service;

import dev.tandem.events.Topics;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.repository.KpiStore.Generation;
import dev.tandem.support.messaging.RecordBatch;
import dev.tandem.support.rebuild.LogReplay;
import dev.tandem.support.rebuild.ProjectionRebuild;
import dev.tandem.support.rebuild.RebuildJob;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the KPI projection from the log without stopping it: the whole journey-event topic is projected into
 * the next generation's collections ({@link KpiStore}) by the same {@link KpiProjection}, while the live consumer
 * goes on in the current one; at the end of the log the new generation becomes current (one atomic update), the
 * events the live consumer applied to the old generation meanwhile are read once more into the new one (counting
 * exactly once holds there as everywhere), and the old generation is dropped. The job itself (one at a time, its
 * thread, its progress) is {@link ProjectionRebuild}'s.
 */
@Singleton
public class KpiRebuild extends ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(KpiRebuild.class);
    /** Records per poll of the rebuild: larger than the live consumer's, for fewer round trips to MongoDB. */
    static final int BATCH = 10_000;

    private final KpiStore store;
    private final KpiProjection projection;
    private final KpiConfig config;

    public KpiRebuild(KpiStore store, KpiProjection projection, KpiConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        super("kpi", bootstrapServers);
        this.store = store;
        this.projection = projection;
        this.config = config;
    }

    @Override
    protected void rebuild(Run run) {
        LogReplay replay = run.replay(Topics.JOURNEY_EVENTS, BATCH);
        Generation current = store.current().await().atMost(PATIENCE);
        Generation next = store.generation(current.number() + 1);
        store.drop(next.number()).chain(() -> store.ensureIndexes(next)).await().atMost(PATIENCE);
        Map<TopicPartition, Long> end = replay.endOffsets();
        run.count(replay, end);
        LOG.infof("Rebuilding the KPI projection into generation %d from %,d journey-event offsets", next.number(),
                replay.span(end));
        RebuildFold fold = new RebuildFold(next, config.rebuild().cachedAccounts(), projection.recentTouches());
        run.readTo(replay, end, records -> fold(records, fold));
        Map<Integer, Long> lastOfLog = new HashMap<>();
        end.forEach((partition, offset) -> lastOfLog.put(partition.partition(), offset - 1));
        fold.writeTotals(lastOfLog);
        // from here the generation is what the live projection would have built: go on with it, fenced
        run.readToEnd(replay, records -> apply(records, next));
        run.state(RebuildJob.SWAPPING);
        store.makeCurrent(next.number()).await().atMost(PATIENCE);
        run.state(RebuildJob.CATCHING_UP);
        // what the live consumer applied to the old generation until it saw the switch
        run.readToEnd(replay, records -> apply(records, next));
        for (int old : store.otherGenerations(next.number()).await().atMost(PATIENCE)) {
            store.drop(old).await().atMost(PATIENCE);
        }
        LOG.infof("Generation %d of the KPI projection is current", next.number());
    }

    private int apply(ConsumerRecords<String, String> records, Generation generation) {
        RecordBatch<LoggedEvent> batch = read(records);
        if (!batch.valid().isEmpty()) {
            projection.applyAll(batch.valid(), generation).await().atMost(PATIENCE);
        }
        return batch.rejected().size();
    }

    private static int fold(ConsumerRecords<String, String> records, RebuildFold fold) {
        RecordBatch<LoggedEvent> batch = read(records);
        if (!batch.valid().isEmpty()) {
            fold.fold(batch.valid());
        }
        return batch.rejected().size();
    }

    /** The records as events; those that can never be applied were dead-lettered by the live consumer. */
    private static RecordBatch<LoggedEvent> read(ConsumerRecords<String, String> records) {
        return RecordBatch.readRecords(records, LoggedEvent::read);
    }

    @PreDestroy
    void stop() {
        shutdown();
    }
}
