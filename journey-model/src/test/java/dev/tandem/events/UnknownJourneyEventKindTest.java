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
                 "type":"StageEntered","data":{"stage":"validation","criteria":[]}}""";
        JourneyEventV1 event = EventJson.read(json, JourneyEventV1.class);
        assertThat(event.accountVersion()).isEqualTo(7);
        assertThat(event.data()).isInstanceOf(JourneyEventV1.Unrecognized.class);
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
