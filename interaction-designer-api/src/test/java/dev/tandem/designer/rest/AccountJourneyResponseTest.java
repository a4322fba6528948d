package dev.tandem.designer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.designer.service.AccountJourney;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountJourneyResponseTest {

    @Test
    void rolesAreWireNamesAndEngagementHasTwoDecimals() {
        AccountJourney journey = new AccountJourney("acme", 3, 61, 4, null, List.of(
                new AccountJourney.Member("c1", "Dana", "CFO", CommitteeRole.ECONOMIC_BUYER, RoleSource.ASSIGNED,
                        0.125),
                new AccountJourney.Member("c2", null, null, null, null, 2.0 / 3)));

        AccountJourneyResponse response = AccountJourneyResponse.of(journey);

        assertThat(response.committee().get(0).role()).isEqualTo("economic_buyer");
        assertThat(response.committee().get(0).roleSource()).isEqualTo("assigned");
        assertThat(response.committee().get(0).engagement()).isEqualTo(0.13);
        assertThat(response.committee().get(1).engagement()).isEqualTo(0.67);
        assertThat(response.committee().get(1).role()).isNull();
        assertThat(response.version()).isEqualTo(3);
    }
}
