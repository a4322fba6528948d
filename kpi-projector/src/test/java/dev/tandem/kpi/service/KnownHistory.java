package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.JourneyEventV1.CommitteeMemberAdded;
import dev.tandem.events.JourneyEventV1.DealClosed;
import dev.tandem.events.JourneyEventV1.StageEntered;
import dev.tandem.events.JourneyEventV1.StageExited;
import dev.tandem.events.JourneyEventV1.StallCleared;
import dev.tandem.events.JourneyEventV1.StallDetected;
import dev.tandem.events.JourneyEventV1.TouchpointRecorded;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.StallReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small history of two accounts whose every KPI is computed by hand in {@link KpiReportsTest} and checked end to
 * end by the API test. Acme (cohort 2026-01) goes exploration → evaluation (with a stall while its economic buyer
 * was silent) → decision and is won on 20 Feb, the buyer's economic buyer giving reasons; Globex stalls in
 * exploration and is lost on 1 Mar, the seller giving the reason.
 */
public final class KnownHistory {

    public static final String JOURNEY = "known";
    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";

    private KnownHistory() {
    }

    public static Instant day(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    /** Acme's events in log order. */
    public static List<JourneyEventV1> acme(String tenant) {
        Events events = new Events(tenant, ACME);
        events.add("2026-01-05", "tp1", touch("tp1", "webinar.attended", TouchpointSource.MARKETING, "c1",
                "2026-01-05", "q1-webinar", null, List.of(), null));
        events.add("2026-01-05", "tp1", new CommitteeMemberAdded("c1", CommitteeRole.CHAMPION, RoleSource.INFERRED));
        events.add("2026-01-05", "tp1", entered("exploration", null, 0, List.of()));
        events.add("2026-01-10", "tp2", touch("tp2", "content.downloaded", TouchpointSource.MARKETING, "c1",
                "2026-01-10", null, "roi-guide", List.of(), null));
        events.add("2026-01-15", "tp3", touch("tp3", "meeting.held", TouchpointSource.SALES, "c2", "2026-01-15",
                null, "case-study", List.of(), null));
        events.add("2026-01-15", "tp3", new CommitteeMemberAdded("c2", CommitteeRole.ECONOMIC_BUYER,
                RoleSource.INFERRED));
        events.add("2026-01-15", "tp3", new StageExited("exploration", "Exploration", day("2026-01-05"),
                Duration.ofDays(10).toSeconds(), "evaluation"));
        events.add("2026-01-15", "tp3", entered("evaluation", "exploration", 1,
                List.of(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.CHAMPION)));
        events.add("2026-02-05", null, new StallDetected("evaluation", List.of(StallReason.REQUIRED_ROLE_SILENT),
                List.of(CommitteeRole.ECONOMIC_BUYER), List.of(), day("2026-01-20"), "The economic buyer is silent."));
        events.add("2026-02-10", "tp4", touch("tp4", "proposal.sent", TouchpointSource.SALES, "c2", "2026-02-10",
                null, null, List.of(), null));
        events.add("2026-02-10", "tp4", new StallCleared("evaluation", day("2026-01-20"), "Moves again."));
        events.add("2026-02-10", "tp4", new StageExited("evaluation", "Evaluation", day("2026-01-15"),
                Duration.ofDays(26).toSeconds(), "decision"));
        events.add("2026-02-10", "tp4", entered("decision", "evaluation", 2, List.of(CommitteeRole.ECONOMIC_BUYER)));
        events.add("2026-02-20", "tp5", touch("tp5", "deal.won", TouchpointSource.SALES, "c2", "2026-02-20", null,
                null, List.of("roi", "integration"), "buyer"));
        events.add("2026-02-20", "tp5", new DealClosed(DealOutcome.WON, "decision", 70, "Closed won."));
        return events.list;
    }

    /** Globex's events in log order. */
    public static List<JourneyEventV1> globex(String tenant) {
        Events events = new Events(tenant, GLOBEX);
        events.add("2026-01-08", "tp1", touch("tp1", "ad.clicked", TouchpointSource.MARKETING, "d1", "2026-01-08",
                "brand", null, List.of(), null));
        events.add("2026-01-08", "tp1", new CommitteeMemberAdded("d1", CommitteeRole.TECHNICAL_EVALUATOR,
                RoleSource.INFERRED));
        events.add("2026-01-08", "tp1", entered("exploration", null, 0, List.of()));
        events.add("2026-02-08", null, new StallDetected("exploration", List.of(StallReason.NO_MEANINGFUL_TOUCHPOINT),
                List.of(), List.of(), day("2026-01-08"), "Nobody moved."));
        events.add("2026-03-01", "tp2", touch("tp2", "deal.lost", TouchpointSource.SALES, null, "2026-03-01", null,
                null, List.of("price"), "seller"));
        events.add("2026-03-01", "tp2", new StallCleared("exploration", day("2026-01-08"), "Closed."));
        events.add("2026-03-01", "tp2", new DealClosed(DealOutcome.LOST, "exploration", 20, "Closed lost."));
        return events.list;
    }

    /**
     * A third account that has only just started, for tests of what follows the known history: its first touchpoint
     * (marketing, 2 Mar) and the exploration stage entered with it.
     */
    public static List<JourneyEventV1> newcomer(String tenant, String account) {
        Events events = new Events(tenant, account);
        events.add("2026-03-02", "tp1", touch("tp1", "webinar.attended", TouchpointSource.MARKETING, "n1",
                "2026-03-02", "q1-webinar", null, List.of(), null));
        events.add("2026-03-02", "tp1", entered("exploration", null, 0, List.of()));
        return events.list;
    }

    private static TouchpointRecorded touch(String id, String type, TouchpointSource source, String contact,
            String date, String campaign, String content, List<String> reasons, String reportedBy) {
        return new TouchpointRecorded(id, type, source, Direction.BUYER_INITIATED, contact, 1.0, day(date),
                type.substring(0, type.indexOf('.')), campaign, content, reasons, reportedBy);
    }

    private static StageEntered entered(String stage, String previous, int index, List<CommitteeRole> required) {
        return new StageEntered(stage, stage, previous, JOURNEY, 1,
                List.of(CriterionResult.of(stage, "true", true)), "Entered " + stage + ".", index, required);
    }

    private static final class Events {
        final String tenant;
        final String account;
        final List<JourneyEventV1> list = new ArrayList<>();

        Events(String tenant, String account) {
            this.tenant = tenant;
            this.account = account;
        }

        void add(String date, String cause, JourneyEventV1.Payload data) {
            long version = list.size() + 1;
            list.add(new JourneyEventV1(JourneyEventV1.eventIdOf(tenant, account, version), tenant, account,
                    version, day(date), cause == null ? List.of() : List.of(cause), data));
        }
    }
}
