package dev.tandem.designer.service;

import dev.tandem.model.simulation.JourneySimulation;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One simulation: what it runs, how far it got, and its report once done. Written by its worker, read by requests. */
public final class SimulationJob {

    /** Where a simulation stands. */
    public enum Status { QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED }

    /** A journey version a simulation runs or compares with. */
    public record VersionRef(String journeyId, int version) {
    }

    /** The job as the API answers it. */
    public record View(String id, VersionRef draft, VersionRef comparedWith, String status, long recordsRead,
            long recordsTotal, long touchpoints, long unreadable, double progress, Instant startedAt,
            Instant finishedAt, Long elapsedMillis, Long touchpointsPerSecond, JourneySimulation.Report report,
            String error) {
    }

    private final String id;
    private final String tenantId;
    private final VersionRef draft;
    private final VersionRef comparedWith;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Status status = Status.QUEUED;
    private volatile long recordsRead;
    private volatile long recordsTotal;
    private volatile long touchpoints;
    private volatile long unreadable;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile JourneySimulation.Report report;
    private volatile String error;

    SimulationJob(String id, String tenantId, VersionRef draft, VersionRef comparedWith) {
        this.id = id;
        this.tenantId = tenantId;
        this.draft = draft;
        this.comparedWith = comparedWith;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    boolean cancelRequested() {
        return cancelled.get();
    }

    /** Asks the job to stop; a finished job stays as it finished. */
    void cancel() {
        cancelled.set(true);
        if (status == Status.QUEUED) {
            finish(Status.CANCELLED, null, null);
        }
    }

    boolean finished() {
        return status == Status.COMPLETED || status == Status.CANCELLED || status == Status.FAILED;
    }

    void started(Instant at) {
        startedAt = at;
        status = Status.RUNNING;
    }

    void progress(long read, long total, long found, long skipped) {
        recordsRead = read;
        recordsTotal = total;
        touchpoints = found;
        unreadable = skipped;
    }

    void finish(Status end, JourneySimulation.Report result, String failure) {
        report = result;
        error = failure;
        finishedAt = Instant.now();
        status = end;
    }

    public View view() {
        Long elapsed = startedAt == null ? null
                : Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis();
        Long rate = elapsed == null || elapsed == 0 ? null : touchpoints * 1000 / elapsed;
        double share = recordsTotal == 0 ? (status == Status.COMPLETED ? 1.0 : 0.0)
                : Math.min(1.0, (double) recordsRead / recordsTotal);
        return new View(id, draft, comparedWith, status.name().toLowerCase(java.util.Locale.ROOT), recordsRead,
                recordsTotal, touchpoints, unreadable, Math.round(share * 1000) / 1000.0, startedAt, finishedAt,
                elapsed, rate, report, error);
    }
}
