package dev.tandem.support.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * What every projection rebuild shares: one job at a time per instance, on a thread of its own (never an event
 * loop), its progress published after each batch, its log readers closed at the end, and a stop when the service
 * stops. A subclass says what is rebuilt ({@link #rebuild}); it reads the log through {@link Run}.
 */
public abstract class ProjectionRebuild {

    /** How long one step against the database may take before the rebuild fails. */
    protected static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    private final String projection;
    private final String bootstrapServers;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker;
    private final AtomicReference<RebuildJob> latest = new AtomicReference<>();
    private volatile boolean stopping;

    protected ProjectionRebuild(String projection, String bootstrapServers) {
        this.projection = projection;
        this.bootstrapServers = bootstrapServers;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, projection + "-rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Rebuilds the projection; the run's state is {@code running} when it is called. */
    protected abstract void rebuild(Run run);

    public String projection() {
        return projection;
    }

    /** Starts a rebuild; fails with {@link RebuildRunningException} while one runs. */
    public RebuildJob start() {
        RebuildJob job = new RebuildJob(UUID.randomUUID().toString(), projection, RebuildJob.RUNNING, 0, 0, 0, 0, 0,
                clock.instant(), null, null);
        RebuildJob previous = latest.get();
        if (previous != null && !previous.finished() || !latest.compareAndSet(previous, job)) {
            throw new RebuildRunningException(previous == null ? null : previous.id());
        }
        worker.submit(() -> execute(job));
        return job;
    }

    public Optional<RebuildJob> find(String id) {
        return Optional.ofNullable(latest.get()).filter(job -> job.id().equals(id));
    }

    /** Stops a running rebuild (it ends {@code failed}); for the subclass's {@code @PreDestroy}. */
    protected void shutdown() {
        stopping = true;
        worker.shutdownNow();
    }

    private void execute(RebuildJob started) {
        Run run = new Run(started);
        try {
            rebuild(run);
            run.finish(RebuildJob.DONE, null);
            LOG.infof("Projection %s rebuilt: %,d records at %,d/s", projection, run.read, run.rate());
        } catch (Stopped stopped) {
            run.finish(RebuildJob.FAILED, "stopped with the service");
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "The rebuild of projection %s failed; the live projection is untouched unless it "
                    + "was swapped", projection);
            run.finish(RebuildJob.FAILED, String.valueOf(failure.getMessage()));
        } finally {
            run.close();
        }
    }

    /** One rebuild as it runs: its log readers and its progress, used on the rebuild thread only. */
    protected final class Run {
        private RebuildJob job;
        private final long startNanos = System.nanoTime();
        private final List<LogReplay> replays = new ArrayList<>();
        private long read;
        private long skipped;
        private long total;

        private Run(RebuildJob job) {
            this.job = job;
        }

        /** A reader of the whole topic from its beginning, closed when the rebuild ends. */
        public LogReplay replay(String topic, int maxPollRecords) {
            LogReplay replay = new LogReplay(bootstrapServers, topic, maxPollRecords);
            replays.add(replay);
            return replay;
        }

        /** Adds the offsets up to {@code until} of a replay to the total the progress is measured against. */
        public void count(LogReplay replay, Map<TopicPartition, Long> until) {
            total += replay.span(until);
            publish(job.state(), null, null);
        }

        /**
         * Hands the replay's batches to {@code apply} until {@code until}; {@code apply} applies a batch before it
         * returns and answers how many of its records could never be applied (they are skipped, as the live
         * consumer dead-lettered them).
         */
        public void readTo(LogReplay replay, Map<TopicPartition, Long> until,
                ToIntFunction<ConsumerRecords<String, String>> apply) {
            boolean reached = replay.readTo(until, records -> {
                int rejected = apply.applyAsInt(records);
                read += records.count();
                skipped += rejected;
                publish(job.state(), null, null);
            }, () -> stopping);
            if (!reached) {
                throw new Stopped();
            }
        }

        /** {@link #readTo} the replay's end as it is now. */
        public void readToEnd(LogReplay replay, ToIntFunction<ConsumerRecords<String, String>> apply) {
            readTo(replay, replay.endOffsets(), apply);
        }

        public void state(String state) {
            publish(state, null, null);
        }

        long rate() {
            long elapsed = Math.max(1, System.nanoTime() - startNanos);
            return read * 1_000_000_000L / elapsed;
        }

        private void finish(String state, String error) {
            publish(state, clock.instant(), error);
        }

        private void publish(String state, Instant finishedAt, String error) {
            long covered = 0;
            for (LogReplay replay : replays) {
                covered += replay.covered();
            }
            job = new RebuildJob(job.id(), job.projection(), state, read, covered, Math.max(total, covered), rate(),
                    skipped, job.startedAt(), finishedAt, error);
            latest.set(job);
        }

        private void close() {
            replays.forEach(LogReplay::close);
            replays.clear();
        }
    }

    /** The service is stopping: the rebuild ends where it is. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
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
