package dev.tandem.model;

import static dev.tandem.model.Touchpoints.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The smallest histories whose arrival order matters, next to what arrival order may legitimately change. The
 * general laws are {@link JourneyOrderProperties}.
 */
class AccountJourneyOrderTest {

    private static final TouchpointV1 DOWNLOAD = of("tp-1", 0, "content.downloaded", TouchpointSource.MARKETING,
            "c_dana", "Director of Operations");
    private static final TouchpointV1 DEMO = of("tp-2", 1, "demo.requested", TouchpointSource.MARKETING, "c_tom",
            "Enterprise Architect");

    @Test
    void aLateTouchpointIsReplayedIntoPlaceAndTheAccountTakesTheSamePath() {
        CanonicalAccount inOrder = JourneyOrderProperties.replay(List.of(DOWNLOAD, DEMO));
        CanonicalAccount late = JourneyOrderProperties.replay(List.of(DEMO, DOWNLOAD));

        assertThat(inOrder.journey().stageKey()).isEqualTo("requirements_building");
        assertThat(late.journey().stageKey()).isEqualTo(inOrder.journey().stageKey());
        assertThat(late.momentum()).isEqualTo(inOrder.momentum());
        // a late touchpoint is replayed into place: the path is the one an in-order arrival takes
        assertThat(inOrder.journey().stageHistory()).extracting(AccountSnapshotV1.StageVisit::stageKey,
                AccountSnapshotV1.StageVisit::enteredAt).containsExactly(
                        tuple("solution_exploration", Touchpoints.day(0)),
                        tuple("requirements_building", Touchpoints.day(1)));
        assertThat(late.journey().stageHistory()).isEqualTo(inOrder.journey().stageHistory());
    }

    /*
     * Regression (fixed): DealClosed is decided on arrival. AccountJourney.apply closes the journey (JourneyProgression.close)
     * before evaluating the stage, and a closed journey never evaluates again. When the outcome arrives before
     * touchpoints that happened earlier, the journey closes in the stage reached so far (here: none at all, the
     * outcome was the first touchpoint to arrive) and the late touchpoints never count for the stage.
     */
    @Test
    void anOutcomeThatArrivesBeforeEarlierTouchpointsFreezesTheStageTheyWouldHaveReached() {
        TouchpointV1 lost = of("tp-3", 2, "deal.lost", TouchpointSource.SALES, null, null);

        CanonicalAccount inOrder = JourneyOrderProperties.replay(List.of(DOWNLOAD, DEMO, lost));
        CanonicalAccount outcomeFirst = JourneyOrderProperties.replay(List.of(lost, DOWNLOAD, DEMO));

        assertThat(inOrder.journey().stageKey()).isEqualTo("requirements_building");
        assertThat(outcomeFirst.journey().outcome()).isEqualTo(DealOutcome.LOST);
        assertThat(outcomeFirst.journey().stageKey()).isEqualTo(inOrder.journey().stageKey());
    }

    /*
     * Regression (fixed): stall detection counts a silent role's quiet (and, without any meaningful touchpoint, the account's)
     * from stageEnteredAt, which is the watermark at which the stage change was observed, not an event time.
     * Two glances a month apart: in order, the account entered problem identification on day 0 and is stalled on
     * day 30 (nothing meaningful, the champion silent); arriving newest first, it entered the stage "on day 30"
     * and is not stalled.
     */
    @Test
    void twoGlancesAMonthApartStallOnlyWhenTheyArriveInOrder() {
        TouchpointV1 first = of("tp-1", 0, "web.visited", TouchpointSource.MARKETING, "c_dana",
                "Director of Operations");
        TouchpointV1 second = of("tp-2", 30, "web.visited", TouchpointSource.MARKETING, "c_dana",
                "Director of Operations");

        CanonicalAccount inOrder = JourneyOrderProperties.replay(List.of(first, second));
        CanonicalAccount newestFirst = JourneyOrderProperties.replay(List.of(second, first));

        assertThat(inOrder.journey().stageKey()).isEqualTo(newestFirst.journey().stageKey())
                .isEqualTo("problem_identification");
        assertThat(inOrder.journey().alerts()).isNotEmpty();
        assertThat(newestFirst.journey().alerts()).as("active stalls when the newer glance arrived first")
                .isEqualTo(inOrder.journey().alerts());
    }

    /*
     * Regression (fixed): JourneyProgression.record files a meaningful touchpoint under the role its contact has when the
     * touchpoint is applied. Here a seller assigns the marketing manager (an end user by title) the economic
     * buyer role at 09:00, and the manager takes a call at 10:00. In event order the call counts for the economic
     * buyer; when the call arrives first it counts for the end user for good, and stall detection (which asks when
     * each required role last did something meaningful) sees an economic buyer who never did anything.
     */
    @Test
    void aMeaningfulTouchpointCountsForTheRoleItsContactEndsUpWithWhateverTheOrder() {
        TouchpointV1 assigned = Touchpoints.roleAssigned("tp-1", 0, "c_user", CommitteeRole.ECONOMIC_BUYER);
        TouchpointV1 call = of("tp-2", 1.0 / 24, "call.connected", TouchpointSource.SALES, "c_user",
                "Marketing Manager");

        CanonicalAccount inOrder = JourneyOrderProperties.replay(List.of(assigned, call));
        CanonicalAccount callFirst = JourneyOrderProperties.replay(List.of(call, assigned));

        assertThat(inOrder.journey().activity().lastMeaningfulTouchByRole())
                .containsOnlyKeys(CommitteeRole.ECONOMIC_BUYER);
        assertThat(callFirst.committee()).singleElement().extracting(CanonicalAccount.Member::role)
                .isEqualTo(CommitteeRole.ECONOMIC_BUYER);
        assertThat(callFirst.journey().activity()).isEqualTo(inOrder.journey().activity());
    }

    @Test
    void theSequenceOfEventsDependsOnArrivalOrderButVersionsStayGapless() {
        AccountJourney inOrder = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        AccountJourney late = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        List<JourneyEventV1> a = new java.util.ArrayList<>(inOrder.apply(DOWNLOAD));
        a.addAll(inOrder.apply(DEMO));
        List<JourneyEventV1> b = new java.util.ArrayList<>(late.apply(DEMO));
        b.addAll(late.apply(DOWNLOAD));

        assertThat(b).extracting(JourneyEventV1::data).isNotEqualTo(a.stream().map(JourneyEventV1::data).toList());
        assertThat(late.canonical().journey().stageKey()).isEqualTo(inOrder.canonical().journey().stageKey());
        assertThat(a).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, a.size()).boxed().toList());
        assertThat(b).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, b.size()).boxed().toList());
    }

    @Test
    void aLateTouchpointIsRecordedWithTheWeightItCountsForInTheReplay() {
        // on day 1 the account is in problem identification, where a champion's download is an interaction point
        TouchpointV1 visit = of("tp-a", 0, "web.visited", TouchpointSource.MARKETING, "c_dana",
                "Director of Operations");
        TouchpointV1 lateDownload = of("tp-b", 1, "content.downloaded", TouchpointSource.MARKETING, "c_dana",
                "Director of Operations");
        TouchpointV1 demo = of("tp-c", 2, "demo.requested", TouchpointSource.MARKETING, "c_tom",
                "Enterprise Architect");
        AccountJourney journey = Touchpoints.newJourney();
        JourneyEngine engine = JourneyEngine.defaults();
        dev.tandem.model.history.InMemoryAccountHistory history = new dev.tandem.model.history.InMemoryAccountHistory();
        engine.apply(journey, List.of(visit, demo), history);
        List<JourneyEventV1> corrections = engine.apply(journey, List.of(lateDownload), history).events();

        AccountJourney inOrder = Touchpoints.newJourney();
        inOrder.apply(visit);
        JourneyEventV1.Payload expected = inOrder.apply(lateDownload).get(0).data();
        assertThat(((JourneyEventV1.TouchpointRecorded) expected).weight()).isEqualTo(3.0);
        assertThat(corrections.get(0).data()).isEqualTo(expected);
    }
}
