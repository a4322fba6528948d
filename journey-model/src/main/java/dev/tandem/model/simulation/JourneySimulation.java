package dev.tandem.model.simulation;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.AsOfNow;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.JourneyEngine;
import dev.tandem.model.history.AccountHistory;
import dev.tandem.model.history.InMemoryAccountHistory;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a recorded touchpoint log through a draft journey and the published one side by side, with the same engine
 * journey-state runs ({@link JourneyEngine}) and the stream-time clock: what is derived from time (stalls, decay) is
 * taken as of the latest event time read, never the wall clock. Nothing leaves this object: it touches no live
 * state. Feed one tenant's touchpoints with {@link #accept} (any order; late ones are replayed into place as live),
 * then {@link #report} the shards together. Not thread-safe: a shard per thread, each account in one shard.
 */
public final class JourneySimulation {

    /** Accounts in each stage now, that ever entered it, and stalled in it now. */
    public record StageCount(String stageKey, String stageName, long accounts, long entered, long stalled) {
    }

    /** Of the accounts that entered {@code fromStage}, how many went further. */
    public record Conversion(String fromStage, String toStage, long entered, long converted, double rate) {
    }

    /** One journey version's picture of the tenant's accounts. */
    public record VersionResult(String journeyId, int version, List<StageCount> stages, List<Conversion> conversions,
            long stalledAccounts, long won, long lost, long noDecision) {
    }

    /**
     * An account the draft would place elsewhere than the published version does.
     *
     * @param direction {@code forward} or {@code back} in the draft's stage order, {@code changed} when the
     *        published stage is not in the draft
     * @param reason why the draft places it there, in the engine's words
     */
    public record Mover(String accountKey, String publishedStage, String draftStage, String direction,
            String reason) {
    }

    /** What the simulation found, as of {@code streamTime}. */
    public record Report(long touchpoints, long accounts, Instant streamTime, VersionResult draft,
            VersionResult published, long moverCount, List<Mover> movers) {
    }

    private static final class Run {
        final AccountJourney draft;
        final AccountHistory draftHistory = new InMemoryAccountHistory();
        final AccountJourney published;
        final AccountHistory publishedHistory = new InMemoryAccountHistory();

        Run(AccountJourney draft, AccountJourney published) {
            this.draft = draft;
            this.published = published;
        }
    }

    private final String tenantId;
    private final JourneyContext draft;
    private final JourneyContext published;
    private final JourneyEngine engine;
    private final Map<String, Run> runs = new HashMap<>();
    private long touchpoints;
    private Instant streamTime;

    public JourneySimulation(String tenantId, JourneyContext draft, JourneyContext published, JourneyEngine engine) {
        this.tenantId = tenantId;
        this.draft = draft;
        this.published = published;
        this.engine = engine;
    }

    /** Applies one recorded touchpoint of the tenant to both journeys. */
    public void accept(TouchpointV1 touchpoint) {
        Run run = runs.computeIfAbsent(touchpoint.accountKey(), account -> new Run(
                AccountJourney.start(tenantId, account, draft), AccountJourney.start(tenantId, account, published)));
        List<TouchpointV1> one = List.of(touchpoint);
        engine.apply(run.draft, one, run.draftHistory);
        engine.apply(run.published, one, run.publishedHistory);
        touchpoints++;
        if (streamTime == null || touchpoint.occurredAt().isAfter(streamTime)) {
            streamTime = touchpoint.occurredAt();
        }
    }

    public long touchpoints() {
        return touchpoints;
    }

    public int accounts() {
        return runs.size();
    }

    /** The shards' accounts as of the latest event time any of them read; at most {@code maxMovers} movers listed. */
    public static Report report(List<JourneySimulation> shards, int maxMovers) {
        JourneySimulation first = shards.get(0);
        Instant now = shards.stream().map(s -> s.streamTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Tally draftTally = new Tally(first.draft.definition());
        Tally publishedTally = new Tally(first.published.definition());
        List<Mover> movers = new ArrayList<>();
        long moverCount = 0;
        long touchpoints = 0;
        long accounts = 0;
        for (JourneySimulation shard : shards) {
            touchpoints += shard.touchpoints;
            accounts += shard.runs.size();
            List<String> keys = new ArrayList<>(shard.runs.keySet());
            keys.sort(Comparator.naturalOrder());
            for (String account : keys) {
                Run run = shard.runs.get(account);
                AccountSnapshotV1 inDraft = asOf(run.draft.snapshot(), now);
                AccountSnapshotV1 inPublished = asOf(run.published.snapshot(), now);
                draftTally.add(inDraft);
                publishedTally.add(inPublished);
                Mover mover = moverOf(account, inPublished, inDraft, first.draft.definition());
                if (mover != null) {
                    moverCount++;
                    if (movers.size() < maxMovers) {
                        movers.add(mover);
                    }
                }
            }
        }
        return new Report(touchpoints, accounts, now, draftTally.result(), publishedTally.result(), moverCount,
                List.copyOf(movers));
    }

    private static AccountSnapshotV1 asOf(AccountSnapshotV1 snapshot, Instant now) {
        return now == null ? snapshot : AsOfNow.at(snapshot, now);
    }

    private static Mover moverOf(String account, AccountSnapshotV1 published, AccountSnapshotV1 draft,
            JourneyDefinition draftDefinition) {
        String from = published.journey() == null ? null : published.journey().stageKey();
        String to = draft.journey() == null ? null : draft.journey().stageKey();
        if (Objects.equals(from, to) || to == null) {
            return null;
        }
        int fromIndex = from == null ? -1 : draftDefinition.indexOf(from);
        int toIndex = draftDefinition.indexOf(to);
        String direction = fromIndex < 0 ? "changed" : toIndex > fromIndex ? "forward" : "back";
        String reason = draft.journey().explanations().stream().filter(e -> "stage".equals(e.kind()))
                .map(AccountSnapshotV1.Explanation::text).reduce((a, b) -> b).orElse(null);
        return new Mover(account, from, to, direction, reason);
    }

    /** Counts of one journey version over the accounts. */
    private static final class Tally {
        private final JourneyDefinition definition;
        private final Map<String, long[]> perStage = new LinkedHashMap<>(); // accounts, entered, stalled
        private final Map<String, Long> convertedFrom = new HashMap<>();
        private long stalledAccounts;
        private long won;
        private long lost;
        private long noDecision;

        Tally(JourneyDefinition definition) {
            this.definition = definition;
            definition.stages().forEach(stage -> perStage.put(stage.key(), new long[3]));
        }

        void add(AccountSnapshotV1 account) {
            AccountSnapshotV1.JourneyProgress progress = account.journey();
            if (progress == null) {
                return;
            }
            long[] current = perStage.get(progress.stageKey());
            if (current != null) {
                current[0]++;
                if (!progress.alerts().isEmpty()) {
                    current[2]++;
                }
            }
            if (!progress.alerts().isEmpty()) {
                stalledAccounts++;
            }
            Set<Integer> visited = new HashSet<>();
            for (AccountSnapshotV1.StageVisit visit : progress.stageHistory()) {
                int index = definition.indexOf(visit.stageKey());
                if (index >= 0) {
                    visited.add(index);
                }
            }
            int furthest = visited.stream().max(Integer::compare).orElse(-1);
            for (int index : visited) {
                perStage.get(definition.stages().get(index).key())[1]++;
                if (furthest > index) {
                    convertedFrom.merge(definition.stages().get(index).key(), 1L, Long::sum);
                }
            }
            if (progress.outcome() == DealOutcome.WON) {
                won++;
            } else if (progress.outcome() == DealOutcome.LOST) {
                lost++;
            } else if (progress.outcome() == DealOutcome.NO_DECISION) {
                noDecision++;
            }
        }

        VersionResult result() {
            List<StageCount> stages = new ArrayList<>();
            List<Conversion> conversions = new ArrayList<>();
            List<Stage> ordered = definition.stages();
            for (int i = 0; i < ordered.size(); i++) {
                Stage stage = ordered.get(i);
                long[] counts = perStage.get(stage.key());
                stages.add(new StageCount(stage.key(), stage.name(), counts[0], counts[1], counts[2]));
                if (i + 1 < ordered.size()) {
                    long converted = convertedFrom.getOrDefault(stage.key(), 0L);
                    conversions.add(new Conversion(stage.key(), ordered.get(i + 1).key(), counts[1], converted,
                            counts[1] == 0 ? 0 : Math.round(1000.0 * converted / counts[1]) / 1000.0));
                }
            }
            return new VersionResult(definition.journeyId(), definition.version(), stages, conversions,
                    stalledAccounts, won, lost, noDecision);
        }
    }
}
