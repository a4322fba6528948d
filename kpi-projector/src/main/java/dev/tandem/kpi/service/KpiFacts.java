package dev.tandem.kpi.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.kpi.AttributionModel;
import dev.tandem.model.kpi.Bands;
import dev.tandem.model.kpi.DayHistogram;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * What one account's journey events say for the shared KPIs beyond counts: its stage visits, stall episodes and
 * what became of them, the touchpoints of its journey and the attribution credit its conversions earned, how it
 * closed and why, and the content sellers used. Mutable for speed while a batch is applied: an {@link AccountKpis}
 * read for a batch owns its facts, which its events change in place (so counters are read before further events).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class KpiFacts {

    public static final int MAX_EPISODES = 100;
    public static final int MAX_REASONS = 50;
    public static final int MAX_CONTENT = 100;
    /** A stage advance this soon after a seller first used a piece of content counts as following it. */
    public static final Duration ENABLEMENT_WINDOW = Duration.ofDays(30);
    /** Credit is kept in millionths, so sums over accounts are exact and a rebuild equals the live totals. */
    public static final long MICROS = 1_000_000L;

    /** One stay in a stage; {@code result} how it ended (advanced, fell_back, won, lost, no_decision) or null. */
    public record Visit(String stage, Integer index, Instant enteredAt, Instant leftAt, String result) {
    }

    /** One stall: in which stage, which personas were silent, since when, and what became of it (null: open). */
    public record Episode(String stage, List<CommitteeRole> silentRoles, Instant since, Instant endedAt,
            String result) {
    }

    /** A decision reason, who reported it, and the reporter's persona when a buyer contact gave it. */
    public record Reason(String reason, String reportedBy, CommitteeRole role, Instant at) {
    }

    /** A piece of content sellers used with this account: first use, uses, and what followed. */
    public record ContentUse(Instant firstUsedAt, long uses, boolean advancedAfter, boolean wonAfter) {
    }

    private String journeyId;
    private Instant startedAt;
    private String stage;
    private Integer stageIndex;
    /** The current stage's required personas, each once. */
    private List<CommitteeRole> requiredRoles = new ArrayList<>();
    private List<Visit> visits = new ArrayList<>();
    private List<Episode> stalls = new ArrayList<>();
    /** The touchpoints attribution credits: an index here, the touchpoints in a journal beside the account. */
    private AttributionTouches attribution = new AttributionTouches();
    /** Written by versions that kept the touchpoints inline (read once, moved to the journal on the next write). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private List<Touch> touches;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Long touchesDropped;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Integer windowStart;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Integer lastEntryTouch;
    /**
     * Credit earned by conversions applied since the last {@link #drainCredit}: not part of the state (a conversion
     * happens once), so the projection adds it to the totals as the events that earned it are counted.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    private transient Map<String, Long> earned = new HashMap<>();
    private DealOutcome outcome;
    private Instant closedAt;
    private Integer momentumAtClose;
    private String coverageAtClose;
    private List<Reason> reasons = new ArrayList<>();
    private LinkedHashMap<String, ContentUse> enablement = new LinkedHashMap<>();

    public static KpiFacts none() {
        return new KpiFacts();
    }

    public String toJson() {
        return EventJson.write(this);
    }

    public static KpiFacts fromJson(String json) {
        if (json == null) {
            return none();
        }
        KpiFacts facts = EventJson.read(json, KpiFacts.class);
        if (facts.touches != null) {
            facts.attribution = AttributionTouches.fromInline(facts.touches,
                    facts.touchesDropped == null ? 0 : facts.touchesDropped,
                    facts.windowStart == null ? 0 : facts.windowStart,
                    facts.lastEntryTouch == null ? -1 : facts.lastEntryTouch, facts.outcome != null);
            facts.touches = null;
            facts.touchesDropped = null;
            facts.windowStart = null;
            facts.lastEntryTouch = null;
        } else {
            facts.attribution.readFromStore();
        }
        return facts;
    }

    /**
     * Applies one journey event.
     *
     * @param roles the committee members' roles once the event is applied
     */
    void apply(JourneyEventV1 event, Map<String, CommitteeRole> roles) {
        Instant at = event.occurredAt();
        JourneyEventV1.Payload data = event.data();
        if (data instanceof JourneyEventV1.TouchpointRecorded touch) {
            touched(touch, at, roles);
        } else if (data instanceof JourneyEventV1.StageEntered entered) {
            entered(entered, at, event.causedBy());
        } else if (data instanceof JourneyEventV1.StageExited exited) {
            left(exited);
        } else if (data instanceof JourneyEventV1.StallDetected stall) {
            stalled(stall, at);
        } else if (data instanceof JourneyEventV1.StallCleared) {
            endStall(at, "resumed");
        } else if (data instanceof JourneyEventV1.DealClosed closed) {
            closed(closed, at, roles);
        }
    }

    private void touched(JourneyEventV1.TouchpointRecorded touch, Instant eventAt, Map<String, CommitteeRole> roles) {
        Instant at = touch.touchpointAt() != null ? touch.touchpointAt() : eventAt;
        if (!touch.reasons().isEmpty() && reasons.size() < MAX_REASONS) {
            CommitteeRole role = touch.contactKey() == null ? null : roles.get(touch.contactKey());
            touch.reasons().forEach(reason -> reasons.add(new Reason(reason, touch.reportedBy(), role, at)));
        }
        if (outcome != null || touch.touchpointType() == null || TouchpointCatalog.weightOf(touch.touchpointType()) == 0) {
            // bookkeeping (deal.*, role.assigned) and what comes after the close earn no credit
            return;
        }
        attribution.add(new Touch(touch.touchpointId(), at, touch.source(), touch.channel(), touch.campaign(),
                touch.content()));
        if (touch.source() == TouchpointSource.SALES && touch.content() != null) {
            ContentUse use = enablement.get(touch.content());
            if (use != null) {
                enablement.put(touch.content(), new ContentUse(use.firstUsedAt(), use.uses() + 1,
                        use.advancedAfter(), use.wonAfter()));
            } else if (enablement.size() < MAX_CONTENT) {
                enablement.put(touch.content(), new ContentUse(at, 1, false, false));
            }
        }
    }

    private void entered(JourneyEventV1.StageEntered entered, Instant at, List<String> causedBy) {
        if (startedAt == null) {
            startedAt = at;
            journeyId = entered.journeyId();
        }
        boolean advanced = stage != null && (entered.stageIndex() == null || stageIndex == null
                || entered.stageIndex() > stageIndex);
        if (!visits.isEmpty() && visits.get(visits.size() - 1).result() == null) {
            Visit open = visits.remove(visits.size() - 1);
            visits.add(new Visit(open.stage(), open.index(), open.enteredAt(),
                    open.leftAt() != null ? open.leftAt() : at, advanced ? "advanced" : "fell_back"));
        }
        resolveEndedStall(at, advanced ? "advanced" : "fell_back");
        if (advanced) {
            credit(entered.stageKey(), at, attribution.advanceWindow(), -1);
            attribution.startWindow();
            enablement.replaceAll((content, use) -> !use.advancedAfter() && !use.firstUsedAt().isAfter(at)
                    && Duration.between(use.firstUsedAt(), at).compareTo(ENABLEMENT_WINDOW) <= 0
                    ? new ContentUse(use.firstUsedAt(), use.uses(), true, use.wonAfter()) : use);
        }
        attribution.entered(causedBy);
        stage = entered.stageKey();
        stageIndex = entered.stageIndex();
        requiredRoles = new ArrayList<>(new java.util.LinkedHashSet<>(entered.requiredRoles()));
        if (visits.size() < MAX_EPISODES) {
            visits.add(new Visit(stage, stageIndex, at, null, null));
        }
    }

    private void left(JourneyEventV1.StageExited exited) {
        if (!visits.isEmpty()) {
            Visit open = visits.get(visits.size() - 1);
            if (open.result() == null && open.stage().equals(exited.stageKey())) {
                visits.set(visits.size() - 1, new Visit(open.stage(), open.index(), open.enteredAt(),
                        exited.enteredAt().plusSeconds(Math.max(0, exited.dwellSeconds())), null));
            }
        }
    }

    private void stalled(JourneyEventV1.StallDetected stall, Instant at) {
        Episode open = openEpisode();
        if (open != null) {
            // the same stall, told again with other silent personas: one episode
            stalls.set(stalls.size() - 1, new Episode(open.stage(), List.copyOf(stall.silentRoles()), open.since(),
                    null, null));
        } else if (stalls.size() < MAX_EPISODES) {
            stalls.add(new Episode(stall.stageKey(), List.copyOf(stall.silentRoles()),
                    stall.since() != null ? stall.since() : at, null, null));
        }
    }

    private Episode openEpisode() {
        Episode last = stalls.isEmpty() ? null : stalls.get(stalls.size() - 1);
        return last != null && last.result() == null ? last : null;
    }

    private void endStall(Instant at, String result) {
        Episode open = openEpisode();
        if (open != null) {
            stalls.set(stalls.size() - 1, new Episode(open.stage(), open.silentRoles(), open.since(), at, result));
        }
    }

    /** A stall the engine cleared at the very moment of a move or a close ended in that move or close. */
    private void resolveEndedStall(Instant at, String result) {
        endStall(at, result);
        Episode last = stalls.isEmpty() ? null : stalls.get(stalls.size() - 1);
        if (last != null && "resumed".equals(last.result()) && at.equals(last.endedAt())) {
            stalls.set(stalls.size() - 1, new Episode(last.stage(), last.silentRoles(), last.since(), at, result));
        }
    }

    private void closed(JourneyEventV1.DealClosed closed, Instant at, Map<String, CommitteeRole> roles) {
        if (outcome != null) {
            return;
        }
        String result = closed.outcome().name().toLowerCase(java.util.Locale.ROOT);
        if (stage == null) {
            stage = closed.stageKey();
        }
        if (!visits.isEmpty() && visits.get(visits.size() - 1).result() == null) {
            Visit open = visits.remove(visits.size() - 1);
            visits.add(new Visit(open.stage(), open.index(), open.enteredAt(), at, result));
        }
        resolveEndedStall(at, result);
        outcome = closed.outcome();
        closedAt = at;
        momentumAtClose = closed.momentum();
        coverageAtClose = coverageBand(roles.values());
        // credited once: a win below, nothing after the close
        List<Touch> won = outcome == DealOutcome.WON ? attribution.all() : List.of();
        int milestone = attribution.milestoneInAll();
        attribution.close();
        if (outcome == DealOutcome.WON) {
            credit("won", at, won, milestone);
            enablement.replaceAll((content, use) -> new ContentUse(use.firstUsedAt(), use.uses(),
                    use.advancedAfter(), true));
        }
    }

    /**
     * Shares one conversion's credit among the window's touchpoints, under every model and dimension.
     *
     * @param milestone the window's middle milestone, or -1
     */
    private void credit(String conversion, Instant at, List<Touch> window, int milestone) {
        String month = monthOf(at);
        earned.merge(KpiKeys.key(KpiKeys.CONVERSIONS, journeyId, conversion, month), 1L, Long::sum);
        if (window.isEmpty()) {
            return;
        }
        List<Instant> times = window.stream().map(Touch::at).toList();
        for (AttributionModel model : AttributionModel.values()) {
            double[] shares = model.credits(times, milestone, at);
            long[] micros = KpiKeys.micros(shares);
            for (int i = 0; i < window.size(); i++) {
                if (micros[i] == 0) {
                    continue;
                }
                Touch touch = window.get(i);
                String prefix = model.wireName();
                String source = touch.source().wireName();
                earned.merge(KpiKeys.credit(prefix, journeyId, conversion, month, source, "source",
                        touch.source().wireName()), micros[i], Long::sum);
                earned.merge(KpiKeys.credit(prefix, journeyId, conversion, month, source, "channel",
                        touch.channel()), micros[i], Long::sum);
                earned.merge(KpiKeys.credit(prefix, journeyId, conversion, month, source, "campaign",
                        touch.campaign()), micros[i], Long::sum);
                earned.merge(KpiKeys.credit(prefix, journeyId, conversion, month, source, "content",
                        touch.content()), micros[i], Long::sum);
            }
        }
    }

    /** The required personas of the current stage that some committee member plays, as a band. */
    String coverageBand(Collection<CommitteeRole> memberRoles) {
        return Bands.coverage(engagedRequired(memberRoles), requiredRoles.size());
    }

    int engagedRequired(Collection<CommitteeRole> memberRoles) {
        return (int) requiredRoles.stream().filter(memberRoles::contains).count();
    }

    /**
     * This account's part of the tenant totals: what it adds to each counter. The totals are the sum of this over
     * the tenant's accounts, so a change of an account changes the totals by the difference of its two parts.
     */
    void countInto(Map<String, Long> counters, Collection<CommitteeRole> memberRoles) {
        String journey = journeyId == null ? "none" : journeyId;
        if (startedAt != null) {
            String cohort = monthOf(startedAt);
            Map<String, Boolean> converted = new LinkedHashMap<>();
            Map<String, Integer> indexes = new LinkedHashMap<>();
            for (Visit visit : visits) {
                boolean forward = "advanced".equals(visit.result()) || "won".equals(visit.result());
                converted.merge(visit.stage(), forward, Boolean::logicalOr);
                indexes.putIfAbsent(visit.stage(), visit.index() == null ? -1 : visit.index());
                if (visit.result() != null && visit.leftAt() != null) {
                    long days = DayHistogram.daysOf(Duration.between(visit.enteredAt(), visit.leftAt()).toSeconds());
                    add(counters, KpiKeys.key(KpiKeys.VELOCITY, journey, visit.stage(), monthOf(visit.leftAt()),
                            Long.toString(days)), 1);
                    add(counters, KpiKeys.key(KpiKeys.DWELL, visit.stage(), "visits"), 1);
                    add(counters, KpiKeys.key(KpiKeys.DWELL, visit.stage(), "seconds"),
                            Math.max(0, Duration.between(visit.enteredAt(), visit.leftAt()).toSeconds()));
                }
            }
            converted.forEach((stageKey, forward) -> {
                String index = Integer.toString(indexes.get(stageKey));
                add(counters, KpiKeys.key(KpiKeys.FUNNEL, journey, cohort, index, stageKey, "entered"), 1);
                if (forward) {
                    add(counters, KpiKeys.key(KpiKeys.FUNNEL, journey, cohort, index, stageKey, "converted"), 1);
                }
            });
        }
        for (Episode episode : stalls) {
            String result = episode.result() == null ? "open" : episode.result();
            String month = monthOf(episode.since());
            add(counters, KpiKeys.key(KpiKeys.STALLS, journey, episode.stage(), month, result), 1);
            for (CommitteeRole role : episode.silentRoles()) {
                add(counters, KpiKeys.key(KpiKeys.STALLED_ROLES, journey, role.wireName(), month, result), 1);
            }
        }
        if (outcome == null && stage != null && !requiredRoles.isEmpty()) {
            int engaged = engagedRequired(memberRoles);
            add(counters, KpiKeys.key(KpiKeys.COVERAGE, journey, stage, "accounts"), 1);
            add(counters, KpiKeys.key(KpiKeys.COVERAGE, journey, stage, "share"),
                    engaged * MICROS / requiredRoles.size());
            add(counters, KpiKeys.key(KpiKeys.COVERAGE, journey, stage, Bands.coverage(engaged,
                    requiredRoles.size())), 1);
        }
        if (outcome != null) {
            String month = monthOf(closedAt);
            String result = outcome.name().toLowerCase(java.util.Locale.ROOT);
            add(counters, KpiKeys.key(KpiKeys.OUTCOMES, month, result, "coverage", coverageAtClose), 1);
            add(counters, KpiKeys.key(KpiKeys.OUTCOMES, month, result, "momentum",
                    Bands.momentum(momentumAtClose == null ? 0 : momentumAtClose)), 1);
            if (startedAt != null) {
                add(counters, KpiKeys.key(KpiKeys.CYCLE, month, result,
                        Long.toString(DayHistogram.daysOf(Duration.between(startedAt, closedAt).toSeconds()))), 1);
            }
        }
        for (Reason reason : reasons) {
            String month = monthOf(outcome != null ? closedAt : reason.at());
            add(counters, KpiKeys.key(KpiKeys.REASONS, month,
                    outcome == null ? "open" : outcome.name().toLowerCase(java.util.Locale.ROOT),
                    reason.reportedBy(), reason.role() == null ? "unknown" : reason.role().wireName(),
                    reason.reason()), 1);
        }
        enablement.forEach((content, use) -> {
            String month = monthOf(use.firstUsedAt());
            add(counters, KpiKeys.key(KpiKeys.ENABLEMENT, content, month, "uses"), use.uses());
            add(counters, KpiKeys.key(KpiKeys.ENABLEMENT, content, month, "accounts"), 1);
            add(counters, KpiKeys.key(KpiKeys.ENABLEMENT, content, month, "advanced"), use.advancedAfter() ? 1 : 0);
            add(counters, KpiKeys.key(KpiKeys.ENABLEMENT, content, month, "won"), use.wonAfter() ? 1 : 0);
        });
    }

    private static void add(Map<String, Long> counters, String key, long value) {
        if (value != 0) {
            counters.merge(key, value, Long::sum);
        }
    }

    static String monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KpiFacts facts && toJson().equals(facts.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    public String stage() {
        return stage;
    }

    public DealOutcome outcome() {
        return outcome;
    }

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public List<Episode> stalls() {
        return List.copyOf(stalls);
    }

    public List<Reason> reasons() {
        return List.copyOf(reasons);
    }

    /** The credit earned since the last call (and forgets it). */
    public Map<String, Long> drainCredit() {
        Map<String, Long> drained = earned;
        earned = new HashMap<>();
        return drained;
    }

    /** The index of the touchpoints attribution credits (to load them before, and to journal them after). */
    public AttributionTouches attribution() {
        return attribution;
    }
}
