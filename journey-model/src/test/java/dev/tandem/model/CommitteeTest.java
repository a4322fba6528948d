package dev.tandem.model;

import static dev.tandem.model.Touchpoints.of;
import static dev.tandem.model.Touchpoints.roleAssigned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The committee an account carries is who is still engaged: members decayed to nothing leave it. */
class CommitteeTest {

    @Test
    void aMemberSilentForMonthsLeavesWithAFactAndTheOthersStay() {
        AccountJourney journey = Touchpoints.newJourney();
        journey.apply(of("tp-1", 0, "webinar.attended", TouchpointSource.MARKETING, "c_gone", "Head of IT"));
        List<JourneyEventV1> events = new ArrayList<>();
        for (int week = 1; week <= 30; week++) {
            events.addAll(journey.apply(of("tp-" + (week + 1), week * 7, "email.replied", TouchpointSource.SALES,
                    "c_cfo", "CFO")));
        }

        assertThat(journey.snapshot().committee()).extracting(AccountSnapshotV1.Member::contactKey)
                .containsExactly("c_cfo");
        assertThat(events).extracting(JourneyEventV1::data)
                .filteredOn(JourneyEventV1.CommitteeMemberLeft.class::isInstance)
                .singleElement()
                .satisfies(left -> {
                    JourneyEventV1.CommitteeMemberLeft fact = (JourneyEventV1.CommitteeMemberLeft) left;
                    assertThat(fact.contactKey()).isEqualTo("c_gone");
                    assertThat(fact.lastEngagedAt()).isEqualTo(Touchpoints.day(0));
                });
    }

    @Test
    void aMemberWhoComesBackAfterMonthsKeepsTheRoleASellerAssigned() {
        AccountJourney journey = Touchpoints.newJourney();
        journey.apply(of("tp-1", 0, "web.visited", TouchpointSource.MARKETING, "c_ops", "Operations Analyst"));
        journey.apply(roleAssigned("tp-2", 0, "c_ops", CommitteeRole.CHAMPION));

        List<JourneyEventV1> back = journey.apply(of("tp-3", 365, "meeting.held", TouchpointSource.SALES, "c_ops",
                null));

        assertThat(back).extracting(JourneyEventV1::data)
                .noneMatch(JourneyEventV1.CommitteeMemberLeft.class::isInstance)
                .noneMatch(JourneyEventV1.CommitteeMemberAdded.class::isInstance);
        assertThat(journey.snapshot().committee()).singleElement()
                .extracting(AccountSnapshotV1.Member::role).isEqualTo(CommitteeRole.CHAMPION);
    }

    @Test
    void whoLeftDoesNotDependOnArrivalOrder() {
        List<TouchpointV1> history = new ArrayList<>();
        history.add(of("tp-a", 0, "webinar.attended", TouchpointSource.MARKETING, "c_gone", "Head of IT"));
        for (int week = 1; week <= 30; week++) {
            history.add(of("tp-" + week, week * 7, "email.replied", TouchpointSource.SALES, "c_cfo", "CFO"));
        }
        AccountJourney inOrder = Touchpoints.applyAsJourneyStateDoes(Touchpoints.newJourney(), history);
        List<TouchpointV1> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(7));
        AccountJourney arrived = Touchpoints.applyAsJourneyStateDoes(Touchpoints.newJourney(), shuffled);

        assertThat(arrived.snapshot().committee()).isEqualTo(inOrder.snapshot().committee());
        assertThat(arrived.canonical().committee()).extracting(c -> c.contactKey()).containsExactly("c_cfo");
    }
}
