package dev.tandem.designer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.ContactKeys;
import dev.tandem.model.Direction;
import dev.tandem.model.JourneyContext;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.Trend;
import dev.tandem.model.RoleSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountJourneyTest {

    private static ProjectedJourney.Member member(String key, double engagement) {
        return new ProjectedJourney.Member(key, CommitteeRole.CHAMPION, RoleSource.ASSIGNED, engagement, null);
    }

    @Test
    void joinsNamesAndSortsMostEngagedFirstWithStableTies() {
        ProjectedJourney stored = new ProjectedJourney("t1", "acme", 9, 55, 12, Instant.EPOCH, List.of(
                member("c_low", 0.2), member("c_b", 1.5), member("c_high", 3.0), member("c_a", 1.5)));

        AccountJourney journey = AccountJourney.assemble(stored,
                Map.of("c_high", new ContactCard("c_high", "Hana", "VP Sales")), Instant.EPOCH);

        assertThat(journey.committee()).extracting(AccountJourney.Member::contactKey)
                .containsExactly("c_high", "c_a", "c_b", "c_low");
        assertThat(journey.committee().get(0).name()).isEqualTo("Hana");
        assertThat(journey.committee().get(0).title()).isEqualTo("VP Sales");
        assertThat(journey.committee().get(1).name()).as("no profile, no name").isNull();
        assertThat(journey.version()).isEqualTo(9);
        assertThat(journey.momentum()).isEqualTo(55);
    }

    @Test
    void theViewIsRightAsOfNowWithoutWaitingForJourneyStatesClock() {
        Instant day0 = Instant.parse("2026-10-01T09:00:00Z");
        dev.tandem.model.AccountJourney engine = dev.tandem.model.AccountJourney.start("t1", "acme",
                JourneyContext.defaults("t1"));
        engine.apply(touchpoint("tp-1", day0, "webinar.attended", "c_cfo", "CFO"));
        engine.apply(touchpoint("tp-2", day0.plus(Duration.ofDays(1)), "demo.requested", "c_ops",
                "Director of Operations"));
        ProjectedJourney stored = ProjectedJourney.of(engine.snapshot());
        assertThat(stored.progress().alerts()).isEmpty();

        Instant fiftyDaysSilent = day0.plus(Duration.ofDays(51));
        AccountJourney seen = AccountJourney.assemble(stored, Map.of(), fiftyDaysSilent);

        assertThat(seen.progress().alerts()).as("the stall shows on first read").hasSize(1);
        assertThat(seen.progress().trend()).isEqualTo(Trend.STALLED);
        assertThat(seen.momentum()).as("momentum decays").isLessThan(stored.momentum());
        assertThat(seen.committee()).allSatisfy(member -> assertThat(member.engagement())
                .isLessThan(stored.committee().stream().filter(m -> m.contactKey().equals(member.contactKey()))
                        .findFirst().orElseThrow().engagement()));
        assertThat(AccountJourney.assemble(stored, Map.of(), engine.asOf()).momentum())
                .as("as of the latest touchpoint: as stored").isEqualTo(stored.momentum());
    }

    private static TouchpointV1 touchpoint(String id, Instant at, String type, String contact, String title) {
        return new TouchpointV1(id, "t1", "acme", type, TouchpointSource.MARKETING, Direction.BUYER_INITIATED, at, at,
                new ContactKeys("test-secret-of-32-characters-min!").keyOf("t1", contact + "@acme.example"), title, Map.of());
    }
}
