package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.NextInteractions.Guidance;
import dev.tandem.model.journey.NextInteractions.MemberNow;
import dev.tandem.model.journey.NextInteractions.Suggestion;
import dev.tandem.model.persona.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gaps of a committee and what would close them, from the journey's interaction points and the personas. */
class NextInteractionsTest {

    private static final JourneyDefinition DEFAULT = DefaultJourney.definition("t1");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Persona BUDGET_HOLDER = new Persona(CommitteeRole.ECONOMIC_BUYER, "Budget holder", null,
            2.0, List.of("cfo"), List.of("a business case the board accepts"), null, null,
            List.of("no measured outcome in hand"), List.of("an ROI model with their own numbers"), null);
    private static final Persona CHAMPION = new Persona(CommitteeRole.CHAMPION, "Ops lead", null, null, null, null,
            null, null, List.of("cannot explain the result upstairs"), List.of("a one-page summary"), null);

    private static final List<MemberNow> COMMITTEE = List.of(
            new MemberNow("c-dana", CommitteeRole.CHAMPION, 2.0, NOW.minus(Duration.ofDays(20))),
            new MemberNow("c-tom", CommitteeRole.TECHNICAL_EVALUATOR, 1.5, NOW.minus(Duration.ofDays(2))),
            new MemberNow("c-eve", CommitteeRole.END_USER, 0.1, NOW.minus(Duration.ofDays(1))));

    @Test
    void rolesNobodyEngagedCoversAreMissingAndEachGetsItsStagesInteractionPoint() {
        Guidance guidance = NextInteractions.of(DEFAULT, "supplier_selection", COMMITTEE, 0.5,
                Map.of(CommitteeRole.ECONOMIC_BUYER, BUDGET_HOLDER), NOW);

        // the stage's roles first, then the journey's; an end user below the threshold does not cover the role
        assertThat(guidance.missingRoles()).containsExactly(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.END_USER);
        Suggestion budget = guidance.nextInteractions().get(0);
        assertThat(budget).isEqualTo(new Suggestion(CommitteeRole.ECONOMIC_BUYER, null, "pricing.viewed",
                InteractionOwner.MARKETING, "transparent pricing and an ROI calculator",
                "No economic buyer (Budget holder) is engaged, and Supplier selection needs one",
                "What unblocks them: an ROI model with their own numbers"));
        // supplier selection has no end-user point: the next stage that has one answers
        Suggestion endUser = guidance.nextInteractions().get(1);
        assertThat(endUser.role()).isEqualTo(CommitteeRole.END_USER);
        assertThat(endUser.touchpointType()).isEqualTo("meeting.held");
        assertThat(endUser.insight()).isNull();
    }

    @Test
    void aRequiredMemberSilentLongerThanTheStallThresholdIsNamed() {
        Guidance guidance = NextInteractions.of(DEFAULT, "supplier_selection", COMMITTEE, 0.5,
                Map.of(CommitteeRole.CHAMPION, CHAMPION), NOW);

        assertThat(guidance.nextInteractions()).filteredOn(s -> s.contactKey() != null).singleElement()
                .satisfies(silent -> {
                    assertThat(silent.contactKey()).isEqualTo("c-dana");
                    assertThat(silent.touchpointType()).isEqualTo("content.shared");
                    assertThat(silent.why()).isEqualTo("The champion (Ops lead) has been silent for 20 days "
                            + "(Supplier selection stalls after 14)");
                    assertThat(silent.insight()).isEqualTo(
                            "Where they stall: cannot explain the result upstairs; what unblocks them: a one-page summary");
                });
        // within the threshold nobody is silent
        assertThat(NextInteractions.of(DEFAULT, "supplier_selection", COMMITTEE, 0.5, Map.of(),
                NOW.minus(Duration.ofDays(10))).nextInteractions()).allMatch(s -> s.contactKey() == null);
    }

    @Test
    void aFullyEngagedCommitteeNeedsNothingAndTheListIsCapped() {
        List<MemberNow> everyone = java.util.Arrays.stream(CommitteeRole.values())
                .map(role -> new MemberNow("c-" + role.wireName(), role, 3.0, NOW)).toList();
        assertThat(NextInteractions.of(DEFAULT, "decision", everyone, 0.5, Map.of(), NOW))
                .isEqualTo(new Guidance(List.of(), List.of()));
        assertThat(NextInteractions.of(DEFAULT, null, List.of(), 0.5, Map.of(), NOW).nextInteractions())
                .hasSizeLessThanOrEqualTo(NextInteractions.MAX).isNotEmpty();
    }
}
