package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.journey.DefaultJourney;
import dev.tandem.model.journey.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the journey events carry for the KPIs: attribution details, stage position and required personas. */
class JourneyEventAttributesTest {

    @Test
    void aTouchpointFactCarriesItsTimeChannelCampaignAndContent() {
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        TouchpointV1 download = new TouchpointV1("tp-1", Touchpoints.TENANT, Touchpoints.ACCOUNT,
                "content.downloaded", TouchpointSource.MARKETING, Direction.BUYER_INITIATED, Touchpoints.day(1),
                Touchpoints.day(2), "c1", "VP Operations", Map.of("campaign", "Q1 launch", "asset", "ROI guide"));

        JourneyEventV1.TouchpointRecorded fact = (JourneyEventV1.TouchpointRecorded) journey.apply(download).get(0)
                .data();

        assertThat(fact.touchpointAt()).isEqualTo(Touchpoints.day(1));
        assertThat(fact.channel()).isEqualTo("content");
        assertThat(fact.campaign()).isEqualTo("Q1 launch");
        assertThat(fact.content()).isEqualTo("ROI guide");
        assertThat(fact.reasons()).isEmpty();
        assertThat(fact.reportedBy()).isNull();
    }

    @Test
    void aDealTouchpointCarriesItsReasonsAndWhoGaveThem() {
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        TouchpointV1 lost = new TouchpointV1("tp-1", Touchpoints.TENANT, Touchpoints.ACCOUNT, "deal.lost",
                TouchpointSource.SALES, Direction.SELLER_INITIATED, Touchpoints.day(1), Touchpoints.day(1), "c1", null,
                Map.of("reasons", List.of("Price", " timing ", "price"), "reason", "No champion",
                        "reportedBy", "buyer", "channel", "crm"));

        JourneyEventV1.TouchpointRecorded fact = (JourneyEventV1.TouchpointRecorded) journey.apply(lost).get(0)
                .data();

        assertThat(fact.reasons()).containsExactly("price", "timing", "no champion");
        assertThat(fact.reportedBy()).isEqualTo("buyer");
        assertThat(fact.channel()).isEqualTo("crm");
    }

    @Test
    void reasonsOnOtherTypesAreIgnoredAndSellersAreTheDefaultReporters() {
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));
        TouchpointV1 call = new TouchpointV1("tp-1", Touchpoints.TENANT, Touchpoints.ACCOUNT, "call.connected",
                TouchpointSource.SALES, Direction.SELLER_INITIATED, Touchpoints.day(1), Touchpoints.day(1), "c1", null,
                Map.of("reason", "follow-up"));
        TouchpointV1 won = new TouchpointV1("tp-2", Touchpoints.TENANT, Touchpoints.ACCOUNT, "deal.won",
                TouchpointSource.SALES, Direction.SELLER_INITIATED, Touchpoints.day(2), Touchpoints.day(2), null, null,
                Map.of("reason", "ROI"));

        assertThat(((JourneyEventV1.TouchpointRecorded) journey.apply(call).get(0).data()).reasons()).isEmpty();
        JourneyEventV1.TouchpointRecorded fact = (JourneyEventV1.TouchpointRecorded) journey.apply(won).get(0).data();
        assertThat(fact.reasons()).containsExactly("roi");
        assertThat(fact.reportedBy()).isEqualTo("seller");
    }

    @Test
    void aStageEntryCarriesTheStagesPositionAndRequiredPersonas() {
        AccountJourney journey = AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT,
                JourneyContext.defaults(Touchpoints.TENANT));

        JourneyEventV1.StageEntered entered = journey.apply(Touchpoints.of("tp-1", 1, "web.visited",
                        TouchpointSource.MARKETING, "c1", "Engineer")).stream()
                .map(JourneyEventV1::data).filter(JourneyEventV1.StageEntered.class::isInstance)
                .map(JourneyEventV1.StageEntered.class::cast).findFirst().orElseThrow();

        Stage stage = DefaultJourney.definition(Touchpoints.TENANT).stage(entered.stageKey()).orElseThrow();
        assertThat(entered.stageIndex()).isEqualTo(DefaultJourney.definition(Touchpoints.TENANT).indexOf(entered.stageKey()));
        assertThat(entered.requiredRoles()).isEqualTo(stage.requiredRoles());
    }
}
