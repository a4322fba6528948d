package dev.tandem.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.events.EventJson;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.MalformedEventException;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyEventRecordsTest {

    private static String json(String tenant, long version, JourneyEventV1.Payload data) {
        return EventJson.write(new JourneyEventV1(tenant + "/acme/" + version, tenant, "acme", version, Instant.EPOCH,
                List.of(), data));
    }

    @Test
    void readsAWellFormedEventWhoseKeyMatches() {
        JourneyEventV1 event = JourneyEventRecords.read("t1/acme",
                json("t1", 3, new JourneyEventV1.MomentumShifted(10, 20)));
        assertThat(event.accountVersion()).isEqualTo(3);
        assertThat(event.data()).isEqualTo(new JourneyEventV1.MomentumShifted(10, 20));
    }

    @Test
    void refusesWhatCanNeverBeApplied() {
        String valid = json("t1", 3, new JourneyEventV1.MomentumShifted(10, 20));
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme", "{nope"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme", null))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> JourneyEventRecords.read("t2/acme", valid))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme",
                json("t1", 0, new JourneyEventV1.MomentumShifted(10, 20))))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme",
                json("t1", 1, new JourneyEventV1.CommitteeMemberAdded("c1", null, RoleSource.INFERRED))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme",
                json("t1", 1, new JourneyEventV1.RoleAssigned(" ", null, CommitteeRole.BLOCKER, RoleSource.ASSIGNED))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("contactKey");
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme",
                json("t1", 1, new JourneyEventV1.MomentumShifted(10, 140))))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void refusesJourneyEventsWithoutWhatTheKpisNeed() {
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme", json("t1", 1,
                new JourneyEventV1.StageEntered(" ", "Consensus", null, "default", 1, List.of(), "why"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("data.stageKey");
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme", json("t1", 1,
                new JourneyEventV1.StageExited("consensus", "Consensus", Instant.EPOCH, -5, "decision"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("dwellSeconds");
        assertThatThrownBy(() -> JourneyEventRecords.read("t1/acme", json("t1", 1,
                new JourneyEventV1.DealClosed(null, "consensus", 40, "why"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("data.outcome");
        JourneyEventV1 cleared = JourneyEventRecords.read("t1/acme", json("t1", 2,
                new JourneyEventV1.StallCleared("consensus", Instant.EPOCH, "moves again")));
        assertThat(cleared.data()).isInstanceOf(JourneyEventV1.StallCleared.class);
    }

    @Test
    void aKindFromANewerProducerIsNotPoisonAndKeepsItsVersion() {
        String newer = json("t1", 4, new JourneyEventV1.MomentumShifted(10, 20))
                .replace("MomentumShifted", "SomethingNobodyKnows");
        JourneyEventV1 event = JourneyEventRecords.read("t1/acme", newer);
        org.assertj.core.api.Assertions.assertThat(event.data()).isInstanceOf(JourneyEventV1.Unrecognized.class);
        org.assertj.core.api.Assertions.assertThat(event.accountVersion()).isEqualTo(4);
    }
}
