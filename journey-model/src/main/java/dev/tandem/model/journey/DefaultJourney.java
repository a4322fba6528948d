package dev.tandem.model.journey;

import static dev.tandem.model.CommitteeRole.BLOCKER;
import static dev.tandem.model.CommitteeRole.CHAMPION;
import static dev.tandem.model.CommitteeRole.ECONOMIC_BUYER;
import static dev.tandem.model.CommitteeRole.END_USER;
import static dev.tandem.model.CommitteeRole.LEGAL_SECURITY;
import static dev.tandem.model.CommitteeRole.PROCUREMENT;
import static dev.tandem.model.CommitteeRole.TECHNICAL_EVALUATOR;
import static dev.tandem.model.journey.InteractionOwner.MARKETING;
import static dev.tandem.model.journey.InteractionOwner.SALES;

import dev.tandem.model.CommitteeRole;
import java.time.Duration;
import java.util.List;

/**
 * The journey a tenant gets until its designers publish their own, modelled on how B2B buying committees buy
 * (Gartner's buying jobs: problem identification, solution exploration, requirements building, supplier
 * selection, then validation and consensus creation before the decision).
 *
 * <p>Entry criteria combine evidence that accumulates (touchpoint types seen) with evidence that decays
 * (momentum, engaged roles), so an account that goes cold falls back. A stage's required roles are deliberately
 * not all part of its entry criteria: the account stays in the stage when one of them goes quiet, and that
 * silence is what the stall reports. See {@code docs/journeys.md}.
 */
public final class DefaultJourney {

    public static final String JOURNEY_ID = "default";
    public static final int VERSION = 1;

    private static final Duration EARLY_STALL = Duration.ofDays(21);
    private static final Duration LATE_STALL = Duration.ofDays(14);

    private DefaultJourney() {
    }

    public static JourneyDefinition definition(String tenantId) {
        return new JourneyDefinition(tenantId, JOURNEY_ID, VERSION, JourneyStatus.PUBLISHED,
                "B2B buying committee (default)", Duration.ofDays(14),
                List.of(ECONOMIC_BUYER, CHAMPION, TECHNICAL_EVALUATOR, END_USER),
                List.of(problemIdentification(), solutionExploration(), requirementsBuilding(), supplierSelection(),
                        validation(), consensus(), decision()));
    }

    private static Stage problemIdentification() {
        return new Stage("problem_identification", "Problem identification",
                "Someone at the account recognises a problem worth solving and starts reading about it.",
                "touchpoints > 0", EARLY_STALL, List.of(CHAMPION),
                List.of(point(CHAMPION, "content.downloaded", MARKETING,
                                "an industry benchmark that puts a cost on the problem"),
                        point(ECONOMIC_BUYER, "event.attended", MARKETING,
                                "peer stories of the business impact of solving it")));
    }

    private static Stage solutionExploration() {
        return new Stage("solution_exploration", "Solution exploration",
                "The committee looks at the ways the problem can be solved, ours among others.",
                "engagedMembers >= 1 && ('content.downloaded' in types || 'content.shared' in types "
                        + "|| 'webinar.attended' in types || 'event.attended' in types)",
                EARLY_STALL, List.of(CHAMPION, TECHNICAL_EVALUATOR),
                List.of(point(CHAMPION, "webinar.attended", MARKETING,
                                "how peers approached the problem and which options they weighed"),
                        point(TECHNICAL_EVALUATOR, "content.downloaded", MARKETING,
                                "an architecture overview and integration guide"),
                        point(END_USER, "content.downloaded", MARKETING, "a day-in-the-life walkthrough")));
    }

    private static Stage requirementsBuilding() {
        return new Stage("requirements_building", "Requirements building",
                "The committee writes down what the solution must do, and starts talking to suppliers.",
                "size(engagedRoles) >= 2 && ('demo.requested' in types || 'call.connected' in types "
                        + "|| 'meeting.held' in types)",
                EARLY_STALL, List.of(CHAMPION, TECHNICAL_EVALUATOR, END_USER),
                List.of(point(CHAMPION, "meeting.held", SALES,
                                "a discovery session that turns their pains into written requirements"),
                        point(TECHNICAL_EVALUATOR, "demo.requested", MARKETING,
                                "a technical deep-dive demo against their own stack"),
                        point(END_USER, "webinar.attended", MARKETING,
                                "a hands-on workshop showing their daily work")));
    }

    private static Stage supplierSelection() {
        return new Stage("supplier_selection", "Supplier selection",
                "The committee shortlists suppliers and compares them, price included.",
                "momentum >= 25 && size(engagedRoles) >= 2 && 'meeting.held' in types && "
                        + "('pricing.viewed' in types || 'trial.started' in types || 'proposal.sent' in types)",
                LATE_STALL, List.of(CHAMPION, ECONOMIC_BUYER),
                List.of(point(CHAMPION, "content.shared", MARKETING,
                                "a comparison guide they can circulate internally"),
                        point(ECONOMIC_BUYER, "pricing.viewed", MARKETING,
                                "transparent pricing and an ROI calculator"),
                        point(TECHNICAL_EVALUATOR, "trial.started", SALES, "a guided trial on their own data")));
    }

    private static Stage validation() {
        return new Stage("validation", "Validation",
                "The committee checks that the chosen supplier really works for them: trials, security, references.",
                "momentum >= 30 && size(engagedRoles) >= 3 && ('trial.started' in types || "
                        + "'security.review' in types)",
                LATE_STALL, List.of(TECHNICAL_EVALUATOR, LEGAL_SECURITY),
                List.of(point(TECHNICAL_EVALUATOR, "trial.started", SALES,
                                "a proof of concept with agreed success criteria"),
                        point(LEGAL_SECURITY, "security.review", SALES,
                                "the security questionnaire, certifications and data-processing terms"),
                        point(END_USER, "meeting.held", SALES, "a reference call with a peer customer")));
    }

    private static Stage consensus() {
        return new Stage("consensus", "Consensus",
                "The committee settles its disagreements and agrees to buy; most no-decision losses happen here.",
                "momentum >= 30 && size(engagedRoles) >= 3 && 'security.review' in types && "
                        + "('proposal.sent' in types || 'proposal.viewed' in types)",
                LATE_STALL, List.of(CHAMPION, ECONOMIC_BUYER),
                List.of(point(CHAMPION, "content.shared", MARKETING,
                                "a business-case deck to rally the rest of the committee"),
                        point(ECONOMIC_BUYER, "meeting.held", SALES,
                                "an executive alignment meeting on outcomes and risk"),
                        point(BLOCKER, "meeting.held", SALES, "a session that takes their objections head-on")));
    }

    private static Stage decision() {
        return new Stage("decision", "Decision",
                "Commercial terms, contract and signature.",
                "momentum >= 30 && 'proposal.viewed' in types && 'contract.sent' in types",
                LATE_STALL, List.of(ECONOMIC_BUYER, PROCUREMENT),
                List.of(point(ECONOMIC_BUYER, "meeting.held", SALES, "business case review"),
                        point(PROCUREMENT, "proposal.viewed", SALES, "commercial terms and a mutual close plan"),
                        point(LEGAL_SECURITY, "security.review", SALES,
                                "the final contract and data-protection terms")));
    }

    private static InteractionPoint point(CommitteeRole role, String type, InteractionOwner owner, String unblocks) {
        return new InteractionPoint(role, type, owner, unblocks);
    }
}
