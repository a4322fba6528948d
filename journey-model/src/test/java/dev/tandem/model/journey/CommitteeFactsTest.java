package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Momentum;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitteeFactsTest {

    @Test
    void theActivationBindsExactlyTheDeclaredVariables() {
        CommitteeFacts facts = new CommitteeFacts(0, 0, null, null, 0, 0, null, null, 0, 0, 0, null);

        assertThat(facts.toActivation().keySet()).containsExactlyElementsOf(EntryCriteria.variables());
        assertThat(facts.toActivation().get("momentum")).isInstanceOf(Long.class);
    }

    @Test
    void summariseDerivesTypesEngagedMembersAndRolesFromTheCommittee() {
        List<Momentum.Input> members = List.of(new Momentum.Input(CommitteeRole.CHAMPION, 4.0),
                new Momentum.Input(CommitteeRole.CHAMPION, 0.5), new Momentum.Input(CommitteeRole.END_USER, 1.0),
                new Momentum.Input(CommitteeRole.ECONOMIC_BUYER, 0.2));

        CommitteeFacts facts = CommitteeFacts.summarise(31, members, 1.0,
                Map.of("webinar.attended", 2L, "meeting.held", 1L, "pricing.viewed", 0L), Map.of("sales", 1L), 2, 1,
                3.5);

        assertThat(facts.touchpoints()).isEqualTo(3);
        assertThat(facts.types()).containsExactly("meeting.held", "webinar.attended");
        assertThat(facts.members()).isEqualTo(4);
        assertThat(facts.engagedMembers()).isEqualTo(2);
        assertThat(facts.engagedRoles()).containsExactly("champion", "end_user");
        assertThat(facts.roles()).containsEntry("champion", 4.5).containsEntry("economic_buyer", 0.2);
    }

    @Test
    void equalCommitteesGiveEqualFactsWhateverOrderTheyWereGatheredIn() {
        CommitteeFacts one = new CommitteeFacts(5, 2, List.of("b.x", "a.x"), Map.of("a.x", 1L, "b.x", 1L), 1, 1,
                List.of("end_user", "champion"), Map.of(), 1, 1, 1, Map.of());
        CommitteeFacts other = new CommitteeFacts(5, 2, List.of("a.x", "b.x", "a.x"), Map.of("b.x", 1L, "a.x", 1L),
                1, 1, List.of("champion", "end_user"), Map.of(), 1, 1, 1, Map.of());

        assertThat(one).isEqualTo(other);
        assertThat(one.toActivation()).isEqualTo(other.toActivation());
    }

    @Test
    void daysBetweenIsFractionalAndNeverNegative() {
        Instant start = Instant.parse("2026-10-01T00:00:00Z");

        assertThat(CommitteeFacts.daysBetween(start, Instant.parse("2026-10-02T12:00:00Z"))).isEqualTo(1.5);
        assertThat(CommitteeFacts.daysBetween(start, start.minusSeconds(60))).isZero();
    }

    @Test
    void onlyTouchpointsThatShowTheBuyerMovingAreMeaningful() {
        assertThat(MeaningfulTouchpoints.isMeaningful("meeting.held")).isTrue();
        assertThat(MeaningfulTouchpoints.isMeaningful("acme.workshop")).isTrue();
        assertThat(MeaningfulTouchpoints.isMeaningful("email.opened")).isFalse();
        assertThat(MeaningfulTouchpoints.isMeaningful("proposal.sent")).isFalse();
        assertThat(MeaningfulTouchpoints.isMeaningful("role.assigned")).isFalse();
        assertThat(MeaningfulTouchpoints.isMeaningful("deal.won")).isFalse();
    }

    @Test
    void activityKeepsTheLatestMeaningfulTouchWhateverTheArrivalOrder() {
        Instant early = Instant.parse("2026-10-01T00:00:00Z");
        Instant late = early.plusSeconds(3600);

        CommitteeActivity inOrder = CommitteeActivity.none()
                .record(CommitteeRole.CHAMPION, "meeting.held", early)
                .record(CommitteeRole.CHAMPION, "content.shared", late)
                .record(CommitteeRole.END_USER, "email.opened", late);
        CommitteeActivity reversed = CommitteeActivity.none()
                .record(CommitteeRole.END_USER, "email.opened", late)
                .record(CommitteeRole.CHAMPION, "content.shared", late)
                .record(CommitteeRole.CHAMPION, "meeting.held", early);

        assertThat(inOrder).isEqualTo(reversed);
        assertThat(inOrder.lastMeaningfulTouchAt()).isEqualTo(late);
        assertThat(inOrder.lastMeaningfulTouchByRole()).containsOnlyKeys(CommitteeRole.CHAMPION);
    }
}
