package dev.tandem.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.AccountJourney;
import dev.tandem.model.JourneyContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A touchpoint that arrives after later ones is replayed into place with the account's stored history. */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class LateTouchpointTest {

    private static final String TENANT = "dev";
    private final StateTestSupport support = new StateTestSupport(TandemInfrastructureResource.infrastructure());

    @Test
    void aLateTouchpointEndsTheAccountWhereAnInOrderArrivalWouldHave() {
        String account = "acct-" + UUID.randomUUID();
        TouchpointV1 download = StateTestSupport.touchpoint(TENANT, account, "c_dana", "Director of Operations",
                "content.downloaded", Instant.parse("2026-10-01T09:00:00Z"));
        TouchpointV1 demo = StateTestSupport.touchpoint(TENANT, account, "c_tom", "Enterprise Architect",
                "demo.requested", Instant.parse("2026-10-02T09:00:00Z"));

        support.send(demo);
        support.journeyEventsUntil(TENANT, account, e -> e.causedBy().contains(demo.eventId()));
        support.send(download);
        List<JourneyEventV1> events = support.journeyEventsUntil(TENANT, account,
                e -> e.causedBy().contains(download.eventId()) && e.type().equals("StageEntered"));

        AccountJourney reference = AccountJourney.start(TENANT, account, JourneyContext.defaults(TENANT));
        reference.apply(download);
        reference.apply(demo);
        AccountSnapshotV1 expected = reference.snapshot();

        long lastVersion = events.get(events.size() - 1).accountVersion();
        AccountSnapshotV1 actual = support.kafka.readUntil(Topics.ACCOUNT_SNAPSHOTS,
                        r -> r.key().equals(EventKeys.account(TENANT, account))
                                && EventJson.read(r.value(), AccountSnapshotV1.class).accountVersion() >= lastVersion,
                        StateTestSupport.WAIT).stream()
                .filter(r -> r.key().equals(EventKeys.account(TENANT, account)))
                .map(r -> EventJson.read(r.value(), AccountSnapshotV1.class))
                .reduce((first, second) -> second).orElseThrow();

        assertThat(actual.journey().stageHistory()).isEqualTo(expected.journey().stageHistory());
        assertThat(actual.journey().stageKey()).isEqualTo("requirements_building");
        assertThat(actual.momentum()).isEqualTo(expected.momentum());
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }
}
