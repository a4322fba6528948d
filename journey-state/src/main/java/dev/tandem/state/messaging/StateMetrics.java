package dev.tandem.state.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** What the topology did, for Prometheus: touchpoints by outcome, replays and their length, refusals. */
@ApplicationScoped
public class StateMetrics {

    private final Counter applied;
    private final Counter duplicates;
    private final Counter beyondHorizon;
    private final Counter deadLettered;
    private final Counter rederivations;
    private final Counter replayed;
    private final Counter stallTicks;
    private final Counter definitionsRefused;
    private final Counter personasRefused;

    public StateMetrics(MeterRegistry registry) {
        applied = touchpoints(registry, "applied");
        duplicates = touchpoints(registry, "duplicate");
        beyondHorizon = touchpoints(registry, "beyond_horizon");
        deadLettered = touchpoints(registry, "dead_lettered");
        rederivations = Counter.builder("tandem.state.rederivations")
                .description("Replays from a checkpoint to put late touchpoints into place").register(registry);
        replayed = Counter.builder("tandem.state.replayed.entries")
                .description("History entries applied again by replays").register(registry);
        stallTicks = Counter.builder("tandem.state.stall.visits")
                .description("Accounts visited by the stall punctuator because they were due").register(registry);
        definitionsRefused = Counter.builder("tandem.state.definitions.refused")
                .description("Journey definition records that could not be used").register(registry);
        personasRefused = Counter.builder("tandem.state.personas.refused")
                .description("Persona records that could not be used").register(registry);
    }

    private static Counter touchpoints(MeterRegistry registry, String outcome) {
        return Counter.builder("tandem.state.touchpoints").tag("outcome", outcome)
                .description("Touchpoints by what journey-state did with them").register(registry);
    }

    void applied(int count, int duplicateCount, int beyond, int rederived, int replayedEntries) {
        applied.increment(count);
        duplicates.increment(duplicateCount);
        beyondHorizon.increment(beyond);
        rederivations.increment(rederived);
        replayed.increment(replayedEntries);
    }

    void deadLettered(int count) {
        deadLettered.increment(count);
    }

    void visited(int accounts) {
        stallTicks.increment(accounts);
    }

    void definitionRefused() {
        definitionsRefused.increment();
    }

    void personaRefused() {
        personasRefused.increment();
    }
}
