package dev.tandem.designer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountJourneyTest {

    private static ProjectedJourney.Member member(String key, double engagement) {
        return new ProjectedJourney.Member(key, CommitteeRole.CHAMPION, RoleSource.ASSIGNED, engagement);
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
}
