package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountKpisTest {

    private static JourneyEventV1 event(long version, JourneyEventV1.Payload data) {
        return new JourneyEventV1("t1/acme/" + version, "t1", "acme", version, Instant.EPOCH, List.of(), data);
    }

    private static JourneyEventV1.TouchpointRecorded touchpoint(TouchpointSource source) {
        return new JourneyEventV1.TouchpointRecorded("tp", "email.clicked", source, Direction.BUYER_INITIATED, "c1",
                1.0);
    }

    private static JourneyEventV1.CommitteeMemberAdded added(String contact, CommitteeRole role) {
        return new JourneyEventV1.CommitteeMemberAdded(contact, role, RoleSource.INFERRED);
    }

    private static final AccountKpis UNTRACKED = AccountKpis.untracked("t1", "acme");

    @Test
    void anUntrackedAccountHasZeroForEverySourceAndRole() {
        assertThat(UNTRACKED.touchpointsBySource()).hasSize(TouchpointSource.values().length).containsValue(0L)
                .doesNotContainValue(1L);
        assertThat(UNTRACKED.membersByRole()).hasSize(CommitteeRole.values().length).doesNotContainValue(1L);
        assertThat(UNTRACKED.accountVersion()).isZero();
        assertThat(UNTRACKED.momentum()).isNull();
    }

    @Test
    void aTouchpointCountsForItsSourceAndAdvancesTheVersion() {
        AccountKpis next = UNTRACKED.apply(event(1, touchpoint(TouchpointSource.PARTNER)))
                .apply(event(2, touchpoint(TouchpointSource.PARTNER)));
        assertThat(next.touchpointsBySource().get(TouchpointSource.PARTNER)).isEqualTo(2);
        assertThat(next.touchpointCount()).isEqualTo(2);
        assertThat(next.accountVersion()).isEqualTo(2);
    }

    @Test
    void aRoleAssignmentMovesTheMemberBetweenRoles() {
        AccountKpis kpis = UNTRACKED.apply(event(1, added("c1", CommitteeRole.CHAMPION)))
                .apply(event(2, added("c2", CommitteeRole.CHAMPION)))
                .apply(event(3, new JourneyEventV1.RoleAssigned("c1", CommitteeRole.CHAMPION,
                        CommitteeRole.ECONOMIC_BUYER, RoleSource.ASSIGNED)));
        assertThat(kpis.membersByRole().get(CommitteeRole.CHAMPION)).isEqualTo(1);
        assertThat(kpis.membersByRole().get(CommitteeRole.ECONOMIC_BUYER)).isEqualTo(1);
        assertThat(kpis.memberRoles()).containsEntry("c1", CommitteeRole.ECONOMIC_BUYER);
    }

    @Test
    void aMemberWhoLeftIsNoLongerCounted() {
        AccountKpis kpis = UNTRACKED.apply(event(1, added("c1", CommitteeRole.CHAMPION)))
                .apply(event(2, added("c2", CommitteeRole.CHAMPION)))
                .apply(event(3, new JourneyEventV1.CommitteeMemberLeft("c1", CommitteeRole.CHAMPION, Instant.EPOCH)));
        assertThat(kpis.membersByRole().get(CommitteeRole.CHAMPION)).isEqualTo(1);
        assertThat(kpis.memberRoles()).containsOnlyKeys("c2");
        assertThat(kpis.accountVersion()).isEqualTo(3);
    }

    @Test
    void aMemberAddedTwiceIsCountedOnce() {
        AccountKpis kpis = UNTRACKED.apply(event(1, added("c1", CommitteeRole.INFLUENCER)))
                .apply(event(2, added("c1", CommitteeRole.INFLUENCER)));
        assertThat(kpis.membersByRole().get(CommitteeRole.INFLUENCER)).isEqualTo(1);
    }

    @Test
    void anEventNotNewerThanTheStateChangesNothing() {
        AccountKpis atTwo = UNTRACKED.apply(event(1, touchpoint(TouchpointSource.SALES)))
                .apply(event(2, new JourneyEventV1.MomentumShifted(0, 30)));
        assertThat(atTwo.apply(event(2, touchpoint(TouchpointSource.SALES)))).isSameAs(atTwo);
        assertThat(atTwo.apply(event(1, new JourneyEventV1.MomentumShifted(30, 90)))).isSameAs(atTwo);
        assertThat(atTwo.accepts(event(3, touchpoint(TouchpointSource.SALES)))).isTrue();
        assertThat(atTwo.momentum()).isEqualTo(30);
    }

    @Test
    void aVersionJumpIsAGapButIsStillApplied() {
        AccountKpis atOne = UNTRACKED.apply(event(1, touchpoint(TouchpointSource.SALES)));
        JourneyEventV1 later = event(4, touchpoint(TouchpointSource.SALES));
        assertThat(atOne.hasGapBefore(later)).isTrue();
        assertThat(atOne.hasGapBefore(event(2, touchpoint(TouchpointSource.SALES)))).isFalse();
        assertThat(atOne.apply(later).accountVersion()).isEqualTo(4);
    }

    @Test
    void journeyEventsMoveTheJourneyKpisOnlyWhenNewer() {
        AccountKpis kpis = UNTRACKED.apply(event(1, StageKpisTest.entered("exploration")))
                .apply(event(2, StageKpisTest.exited("exploration", 7_200, "selection")))
                .apply(event(3, StageKpisTest.entered("selection")))
                .apply(event(4, StageKpisTest.stall("selection")));
        assertThat(kpis.journey().currentStage()).isEqualTo("selection");
        assertThat(kpis.journey().stalled()).isTrue();
        assertThat(kpis.accountVersion()).isEqualTo(4);

        assertThat(kpis.apply(event(3, StageKpisTest.entered("selection")))).as("a duplicate").isSameAs(kpis);
        assertThat(kpis.apply(event(2, new JourneyEventV1.StallCleared("selection", Instant.EPOCH, "old"))))
                .as("an older event").isSameAs(kpis);

        AccountKpis closed = kpis.apply(event(5, new JourneyEventV1.DealClosed(DealOutcome.LOST, "selection", 5,
                "lost")));
        assertThat(closed.journey().outcome()).isEqualTo(DealOutcome.LOST);
        assertThat(closed.journey().closedAt()).isEqualTo(Instant.EPOCH);
        assertThat(closed.journey().stageOf("selection").entries()).isEqualTo(1);
        assertThat(closed.touchpointCount()).isZero();
    }
}
