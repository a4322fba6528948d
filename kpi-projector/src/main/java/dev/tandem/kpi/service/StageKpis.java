package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.DealOutcome;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account's journey KPIs: where it is, what it went through, whether it stalls, how it closed. Pure and
 * immutable; {@link AccountKpis} decides whether an event is new enough to reach {@link #apply}.
 *
 * @param currentStage the stage the account is in; null before the first StageEntered
 * @param stages per stage key: how often it was entered and exited, and the dwell of those exits
 * @param transitions each stage move the account made (from the exited stage to the next), once per account,
 *     so summing over accounts counts accounts, not moves
 * @param stalled whether a stall is active (a close ends it: a closed journey no longer stalls)
 * @param outcome how the journey closed; null while it is open
 * @param closedAt event time of the close; null while open
 */
public record StageKpis(
        String currentStage,
        Map<String, StageStats> stages,
        Set<Transition> transitions,
        boolean stalled,
        DealOutcome outcome,
        Instant closedAt) {

    public StageKpis {
        stages = Collections.unmodifiableMap(new TreeMap<>(stages));
        TreeSet<Transition> sorted = new TreeSet<>(Transition.ORDER);
        sorted.addAll(transitions);
        transitions = Collections.unmodifiableSet(sorted);
    }

    /** Entries and exits of one stage, and the summed dwell of the exits in seconds. */
    public record StageStats(long entries, long exits, long dwellSeconds) {

        public static final StageStats NONE = new StageStats(0, 0, 0);

        StageStats entered() {
            return new StageStats(entries + 1, exits, dwellSeconds);
        }

        /** The mean dwell of the exits in days; null when the stage was never left. */
        public Double averageDays() {
            return exits == 0 ? null : dwellSeconds / 86_400.0 / exits;
        }

        StageStats exited(long dwell) {
            return new StageStats(entries, exits + 1, dwellSeconds + dwell);
        }
    }

    /** A move from one stage to the next (a regression is a move too). */
    public record Transition(String from, String to) {
        static final Comparator<Transition> ORDER =
                Comparator.comparing(Transition::from).thenComparing(Transition::to);
    }

    public static StageKpis none() {
        return new StageKpis(null, Map.of(), Set.of(), false, null, null);
    }

    /** The next state after a journey event's payload; payloads about other things leave it as it is. */
    public StageKpis apply(JourneyEventV1.Payload data, Instant occurredAt) {
        if (data instanceof JourneyEventV1.StageEntered entered) {
            return new StageKpis(entered.stageKey(), with(entered.stageKey(), stageOf(entered.stageKey()).entered()),
                    transitions, stalled, outcome, closedAt);
        }
        if (data instanceof JourneyEventV1.StageExited exited) {
            Set<Transition> moves = transitions;
            if (exited.nextStageKey() != null) {
                moves = new TreeSet<>(Transition.ORDER);
                moves.addAll(transitions);
                moves.add(new Transition(exited.stageKey(), exited.nextStageKey()));
            }
            // the exit precedes the next StageEntered on the log; until then the account is on its way there
            String current = exited.stageKey().equals(currentStage) ? exited.nextStageKey() : currentStage;
            return new StageKpis(current,
                    with(exited.stageKey(), stageOf(exited.stageKey()).exited(Math.max(0, exited.dwellSeconds()))),
                    moves, stalled, outcome, closedAt);
        }
        if (data instanceof JourneyEventV1.StallDetected) {
            return new StageKpis(currentStage, stages, transitions, true, outcome, closedAt);
        }
        if (data instanceof JourneyEventV1.StallCleared) {
            return new StageKpis(currentStage, stages, transitions, false, outcome, closedAt);
        }
        if (data instanceof JourneyEventV1.DealClosed closed) {
            String stage = currentStage != null ? currentStage : closed.stageKey();
            return new StageKpis(stage, stages, transitions, false, closed.outcome(), occurredAt);
        }
        return this;
    }

    public StageStats stageOf(String stageKey) {
        return stages.getOrDefault(stageKey, StageStats.NONE);
    }

    private Map<String, StageStats> with(String stageKey, StageStats stats) {
        Map<String, StageStats> next = new TreeMap<>(stages);
        next.put(stageKey, stats);
        return next;
    }
}
