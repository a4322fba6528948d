package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Adding an event kind must not turn older consumers' input into poison. */
class UnknownJourneyEventKindTest {

    @Test
    void aKindFromANewerProducerIsReadAsUnrecognizedWithItsVersion() {
        String json = """
                {"eventId":"t/a/7","tenantId":"t","accountKey":"a","accountVersion":7,
                 "occurredAt":"2026-11-01T00:00:00Z","causedBy":["e1"],
                 "type":"ContractRenewalForecast","data":{"renewalAt":"2027-11-01","probability":0.7}}""";
        JourneyEventV1 event = EventJson.read(json, JourneyEventV1.class);
        assertThat(event.accountVersion()).isEqualTo(7);
        assertThat(event.data()).isInstanceOf(JourneyEventV1.Unrecognized.class);
    }

    @Test
    void aKindAddedLaterInTheSameVersionIsNotMistakenForUnrecognized() {
        String json = """
                {"eventId":"t/a/8","tenantId":"t","accountKey":"a","accountVersion":8,
                 "occurredAt":"2026-11-01T00:00:00Z","causedBy":["e2"],
                 "type":"DealClosed","data":{"outcome":"no_decision","stageKey":"consensus","momentum":12,
                 "explanation":"Closed no decision in Consensus at momentum 12."}}""";
        assertThat(EventJson.read(json, JourneyEventV1.class).data()).isEqualTo(new JourneyEventV1.DealClosed(
                dev.tandem.model.DealOutcome.NO_DECISION, "consensus", 12,
                "Closed no decision in Consensus at momentum 12."));
    }

    @Test
    void knownKindsStillReadAsThemselves() {
        String json = """
                {"eventId":"t/a/2","tenantId":"t","accountKey":"a","accountVersion":2,
                 "occurredAt":"2026-11-01T00:00:00Z","causedBy":["e1"],
                 "type":"MomentumShifted","data":{"previousMomentum":3,"momentum":9}}""";
        assertThat(EventJson.read(json, JourneyEventV1.class).data())
                .isEqualTo(new JourneyEventV1.MomentumShifted(3, 9));
    }
}
