package dev.tandem.designer.service;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.messaging.TouchpointLogReader;
import dev.tandem.designer.repository.JourneyVersionEntity;
import dev.tandem.designer.repository.JourneyVersionRepository;
import dev.tandem.designer.repository.PersonaRepository;
import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.JourneyEngine;
import dev.tandem.model.RoleInference;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyDefinitionValidator;
import dev.tandem.model.journey.StageEvaluator;
import dev.tandem.model.persona.Persona;
import dev.tandem.model.simulation.JourneySimulation;
import dev.tandem.pii.PiiField;
import dev.tandem.support.rest.InvalidInputException;
import dev.tandem.support.vault.ContactKeyVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Simulations of a draft journey against the recorded touchpoint log: a job per request, run on this instance's
 * worker threads (one job at a time, the next ones queued), with progress and cancellation. The log is read by
 * {@link TouchpointLogReader} (no consumer group, nothing committed), the accounts are split over
 * {@value #SHARDS} shards by account key, each run through {@link JourneySimulation} beside the journey's published
 * version (or the default journey): nothing live is read or written but the log and the designs. Jobs and their
 * reports are kept in this instance's memory, the latest {@value #KEPT}; a restart forgets them.
 */
@ApplicationScoped
public class SimulationService {

    public static final int SHARDS = 2;
    public static final int KEPT = 50;
    public static final int MAX_MOVERS = 100;
    /** What one account costs a simulation, both journeys: state, history within the horizon, checkpoints. */
    static final long BYTES_PER_ACCOUNT = 170_000;
    private static final Logger LOG = Logger.getLogger(SimulationService.class);
    private static final List<TouchpointV1> END = List.of();

    private final JourneyVersionRepository versions;
    private final PersonaRepository personas;
    private final TouchpointLogReader log;
    private final ContactKeyVault vault;
    private final int maxAccounts;
    private final Map<String, SimulationJob> jobs = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(named("simulation-runner"));
    private final ExecutorService shardWorkers = Executors.newFixedThreadPool(SHARDS, named("simulation-shard"));

    public SimulationService(JourneyVersionRepository versions, PersonaRepository personas, TouchpointLogReader log,
            ContactKeyVault vault, DesignerConfig config) {
        this.versions = versions;
        this.personas = personas;
        this.log = log;
        this.vault = vault;
        this.maxAccounts = config.simulation().maxAccounts()
                .orElse((int) Math.max(100, Runtime.getRuntime().maxMemory() * 3 / 4 / BYTES_PER_ACCOUNT));
    }

    /**
     * Starts simulating the journey's draft (or {@code version}) against the log, beside its published version.
     * Refused with 400 at the field when the version's criteria do not compile, 409 when there is no draft.
     */
    public Uni<SimulationJob.View> start(String tenantId, String journeyId, Integer version) {
        return Panache.withSession(() -> versions.versionsOf(tenantId, journeyId)
                .chain(all -> personas.listOf(tenantId).map(rows -> {
                    if (all.isEmpty()) {
                        throw new NotFoundException("The tenant has no journey " + journeyId);
                    }
                    JourneyVersionEntity simulated = all.stream()
                            .filter(v -> version == null ? "draft".equals(v.status) : v.version == version)
                            .findFirst().orElseThrow(() -> version == null
                                    ? new ClientErrorException("Journey " + journeyId + " has no draft to simulate; "
                                            + "name a version", Response.Status.CONFLICT)
                                    : new NotFoundException("Journey " + journeyId + " has no version " + version));
                    JourneyDefinition draft = EventJson.read(simulated.definition, JourneyDefinition.class);
                    List<FieldError> problems = JourneyDefinitionValidator.validate(draft);
                    if (!problems.isEmpty()) {
                        throw new InvalidInputException("Version " + simulated.version + " of " + journeyId
                                + " cannot be simulated", problems);
                    }
                    JourneyDefinition published = all.stream().filter(v -> "published".equals(v.status))
                            .findFirst().map(v -> EventJson.read(v.definition, JourneyDefinition.class))
                            .orElseGet(() -> DefaultJourney.definition(tenantId));
                    return submit(tenantId, draft, published, rolesOf(PersonaService.byRole(rows)));
                })));
    }

    public SimulationJob.View get(String tenantId, String id) {
        return jobOf(tenantId, id).view();
    }

    /** Asks the job to stop; answers where it stands (a finished job is left as it finished). */
    public SimulationJob.View cancel(String tenantId, String id) {
        SimulationJob job = jobOf(tenantId, id);
        job.cancel();
        return job.view();
    }

    private SimulationJob jobOf(String tenantId, String id) {
        SimulationJob job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null || !job.tenantId().equals(tenantId)) {
            throw new NotFoundException("No simulation " + id + " (simulations are kept by the instance that ran "
                    + "them, the latest " + KEPT + ")");
        }
        return job;
    }

    private SimulationJob.View submit(String tenantId, JourneyDefinition draft, JourneyDefinition published,
            RoleInference roles) {
        SimulationJob job = new SimulationJob("sim_" + UUID.randomUUID().toString().replace("-", ""), tenantId,
                new SimulationJob.VersionRef(draft.journeyId(), draft.version()),
                new SimulationJob.VersionRef(published.journeyId(), published.version()));
        synchronized (jobs) {
            jobs.put(job.id(), job);
            if (jobs.size() > KEPT) {
                jobs.values().removeIf(old -> old.finished() && jobs.size() > KEPT);
            }
        }
        JourneyContext draftContext = JourneyContext.of(draft, StageEvaluator.compile(draft), roles);
        JourneyContext publishedContext = JourneyContext.of(published, StageEvaluator.compile(published), roles);
        runner.execute(() -> run(job, draftContext, publishedContext));
        LOG.infof("Simulation %s of journey %s version %d (tenant %s) queued", job.id(), draft.journeyId(),
                draft.version(), tenantId);
        return job.view();
    }

    /** The tenant's persona patterns first, titles opened with the vault (blocking: the shard threads). */
    private RoleInference rolesOf(Map<CommitteeRole, Persona> tenantPersonas) {
        Map<CommitteeRole, String> patterns = new EnumMap<>(CommitteeRole.class);
        tenantPersonas.forEach((role, persona) -> {
            if (persona.titleRegex() != null) {
                patterns.put(role, persona.titleRegex());
            }
        });
        return RoleInference.defaults().withPersonaPatterns(patterns)
                .withTitleReader(stored -> vault.openBlocking(stored, PiiField.TITLE));
    }

    private void run(SimulationJob job, JourneyContext draft, JourneyContext published) {
        if (job.finished()) {
            return;
        }
        job.started(Instant.now());
        List<JourneySimulation> simulations = new ArrayList<>();
        List<BlockingQueue<List<TouchpointV1>>> queues = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < SHARDS; i++) {
                JourneySimulation simulation = new JourneySimulation(job.tenantId(), draft, published,
                        JourneyEngine.defaults());
                BlockingQueue<List<TouchpointV1>> queue = new ArrayBlockingQueue<>(8);
                simulations.add(simulation);
                queues.add(queue);
                workers.add(shardWorkers.submit(() -> drain(queue, simulation)));
            }
            java.util.Set<String> accounts = new java.util.HashSet<>();
            boolean complete = log.read(job.tenantId(), batch -> {
                batch.forEach(touchpoint -> accounts.add(touchpoint.accountKey()));
                if (accounts.size() > maxAccounts) {
                    throw new IllegalStateException("the log holds more than " + maxAccounts + " accounts of the "
                            + "tenant, more than this instance's heap holds for a simulation (about "
                            + BYTES_PER_ACCOUNT / 1000 + " KB each); give the service more heap or set "
                            + "tandem.designer.simulation.max-accounts");
                }
                split(batch, queues, workers);
            }, job::cancelRequested, job::progress);
            for (int i = 0; i < SHARDS; i++) {
                put(queues.get(i), END, workers.get(i));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            if (!complete) {
                job.finish(SimulationJob.Status.CANCELLED, null, null);
                LOG.infof("Simulation %s cancelled", job.id());
                return;
            }
            JourneySimulation.Report report = JourneySimulation.report(simulations, MAX_MOVERS);
            job.finish(SimulationJob.Status.COMPLETED, report, null);
            LOG.infof("Simulation %s completed: %d touchpoints, %d accounts, %d would move", job.id(),
                    report.touchpoints(), report.accounts(), report.moverCount());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(worker -> worker.cancel(true));
            job.finish(SimulationJob.Status.CANCELLED, null, "interrupted: the service is stopping");
        } catch (Exception e) {
            workers.forEach(worker -> worker.cancel(true));
            LOG.warnf(e, "Simulation %s failed", job.id());
            job.finish(SimulationJob.Status.FAILED, null,
                    e instanceof IllegalStateException ? e.getMessage() : e.toString());
        }
    }

    private static Void drain(BlockingQueue<List<TouchpointV1>> queue, JourneySimulation simulation)
            throws InterruptedException {
        while (true) {
            List<TouchpointV1> batch = queue.take();
            if (batch == END) {
                return null;
            }
            batch.forEach(simulation::accept);
        }
    }

    /** Each account to one shard, so one shard sees all of an account's touchpoints in log order. */
    private static void split(List<TouchpointV1> batch, List<BlockingQueue<List<TouchpointV1>>> queues,
            List<Future<?>> workers) {
        List<List<TouchpointV1>> perShard = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            perShard.add(new ArrayList<>());
        }
        for (TouchpointV1 touchpoint : batch) {
            perShard.get(Math.floorMod(touchpoint.accountKey().hashCode(), SHARDS)).add(touchpoint);
        }
        try {
            for (int i = 0; i < SHARDS; i++) {
                if (!perShard.get(i).isEmpty()) {
                    put(queues.get(i), perShard.get(i), workers.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for room in a shard's queue, unless its worker stopped (then its failure is the job's). */
    private static void put(BlockingQueue<List<TouchpointV1>> queue, List<TouchpointV1> batch, Future<?> worker)
            throws InterruptedException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (worker.isDone()) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a simulation shard failed: " + e.getCause(), e.getCause());
                }
                throw new IllegalStateException("a simulation shard stopped");
            }
        }
    }

    @PreDestroy
    void stop() {
        synchronized (jobs) {
            jobs.values().forEach(SimulationJob::cancel);
        }
        runner.shutdownNow();
        shardWorkers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
