package dev.tandem.kpi.service;

import dev.tandem.events.Topics;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.repository.KpiStore.Generation;
import dev.tandem.support.messaging.RecordBatch;
import dev.tandem.support.rebuild.LogReplay;
import dev.tandem.support.rebuild.RebuildJob;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the KPI projection from the log without stopping it: the whole journey-event topic is projected into
 * the next generation's collections ({@link KpiStore}) by the same {@link KpiProjection}, while the live consumer
 * goes on in the current one; at the end of the log the new generation becomes current (one atomic update), the
 * events the live consumer applied to the old generation meanwhile are read once more into the new one (counting
 * exactly once holds there as everywhere), and the old generation is dropped. One rebuild at a time per instance;
 * the job runs on a thread of its own, never on an event loop.
 */
@ApplicationScoped
public class KpiRebuild {

    private static final Logger LOG = Logger.getLogger(KpiRebuild.class);
    /** Records per poll of the rebuild: larger than the live consumer's, for fewer round trips to MongoDB. */
    static final int BATCH = 10_000;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final KpiStore store;
    private final KpiProjection projection;
    private final KpiConfig config;
    private final String bootstrapServers;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kpi-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RebuildJob> latest = new AtomicReference<>();
    private volatile boolean stopping;

    public KpiRebuild(KpiStore store, KpiProjection projection, KpiConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.store = store;
        this.projection = projection;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a rebuild; fails with {@link RebuildRunningException} while one runs. */
    public RebuildJob start() {
        RebuildJob job = new RebuildJob(UUID.randomUUID().toString(), "kpi", RebuildJob.RUNNING, 0, 0, 0, 0, 0,
                clock.instant(), null, null);
        RebuildJob previous = latest.get();
        if (previous != null && !previous.finished() || !latest.compareAndSet(previous, job)) {
            throw new RebuildRunningException(previous == null ? null : previous.id());
        }
        worker.submit(() -> run(job));
        return job;
    }

    public Optional<RebuildJob> find(String id) {
        return Optional.ofNullable(latest.get()).filter(job -> job.id().equals(id));
    }

    private void run(RebuildJob started) {
        long startNanos = System.nanoTime();
        Progress progress = new Progress(started, startNanos);
        try (LogReplay replay = new LogReplay(bootstrapServers, Topics.JOURNEY_EVENTS, BATCH)) {
            Generation current = store.current().await().atMost(PATIENCE);
            Generation next = store.generation(current.number() + 1);
            store.drop(next.number()).chain(() -> store.ensureIndexes(next)).await().atMost(PATIENCE);
            Map<TopicPartition, Long> end = replay.endOffsets();
            progress.replay = replay;
            progress.total = replay.span(end);
            LOG.infof("Rebuilding the KPI projection into generation %d from %,d journey events", next.number(),
                    progress.total);
            RebuildFold fold = new RebuildFold(next, config.rebuild().cachedAccounts());
            if (!replay.readTo(end, records -> fold(records, fold, progress), () -> stopping)) {
                progress.finish(RebuildJob.FAILED, "stopped with the service");
                return;
            }
            Map<Integer, Long> lastOfLog = new java.util.HashMap<>();
            end.forEach((partition, offset) -> lastOfLog.put(partition.partition(), offset - 1));
            fold.writeTotals(lastOfLog);
            // from here the generation is what the live projection would have built: go on with it, fenced
            if (!replay.readTo(replay.endOffsets(), records -> apply(records, next, progress), () -> stopping)) {
                progress.finish(RebuildJob.FAILED, "stopped with the service");
                return;
            }
            progress.state(RebuildJob.SWAPPING);
            store.makeCurrent(next.number()).await().atMost(PATIENCE);
            progress.state(RebuildJob.CATCHING_UP);
            // what the live consumer applied to the old generation until it saw the switch
            replay.readTo(replay.endOffsets(), records -> apply(records, next, progress), () -> stopping);
            for (int old : store.otherGenerations(next.number()).await().atMost(PATIENCE)) {
                store.drop(old).await().atMost(PATIENCE);
            }
            progress.finish(RebuildJob.DONE, null);
            LOG.infof("KPI projection rebuilt: %,d journey events at %,d/s; generation %d is current",
                    progress.read, progress.rate(), next.number());
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "The KPI rebuild failed; the live projection is untouched unless it was swapped");
            progress.replay = null; // closed with the try
            progress.finish(RebuildJob.FAILED, failure.getMessage());
        }
    }

    private void apply(ConsumerRecords<String, String> records, Generation generation, Progress progress) {
        RecordBatch<LoggedEvent> batch = read(records);
        if (!batch.valid().isEmpty()) {
            projection.applyAll(batch.valid(), generation).await().atMost(PATIENCE);
        }
        progress.advance(records.count(), batch.rejected().size());
    }

    private static void fold(ConsumerRecords<String, String> records, RebuildFold fold, Progress progress) {
        RecordBatch<LoggedEvent> batch = read(records);
        if (!batch.valid().isEmpty()) {
            fold.fold(batch.valid());
        }
        progress.advance(records.count(), batch.rejected().size());
    }

    /** The records as events; those that can never be applied were dead-lettered by the live consumer. */
    private static RecordBatch<LoggedEvent> read(ConsumerRecords<String, String> records) {
        return RecordBatch.readRecords(records, LoggedEvent::read);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }

    /** The job's progress as the rebuild thread sees it, published to {@link #latest} after each batch. */
    private final class Progress {
        private RebuildJob job;
        private final long startNanos;
        private long read;
        private long skipped;
        private long total;
        private LogReplay replay;
        private long covered;

        Progress(RebuildJob job, long startNanos) {
            this.job = job;
            this.startNanos = startNanos;
        }

        long rate() {
            long elapsed = Math.max(1, System.nanoTime() - startNanos);
            return read * 1_000_000_000L / elapsed;
        }

        void advance(int records, int rejected) {
            read += records;
            skipped += rejected;
            publish(job.state(), null, null);
        }

        void state(String state) {
            publish(state, null, null);
        }

        void finish(String state, String error) {
            publish(state, clock.instant(), error);
        }

        private void publish(String state, Instant finishedAt, String error) {
            if (replay != null) {
                covered = replay.covered(); // on the rebuild thread, like every use of the replay's consumer
            }
            job = new RebuildJob(job.id(), job.projection(), state, read, covered, Math.max(total, covered), rate(),
                    skipped, job.startedAt(), finishedAt, error);
            latest.set(job);
        }
    }

    /** Another rebuild is running on this instance. */
    public static final class RebuildRunningException extends RuntimeException {
        private final String runningId;

        RebuildRunningException(String runningId) {
            super("A rebuild is already running", null, false, false);
            this.runningId = runningId;
        }

        public String runningId() {
            return runningId;
        }
    }
}
