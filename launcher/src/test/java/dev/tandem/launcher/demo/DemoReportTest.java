package dev.tandem.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    @Test
    void summarisesRolesInCommitteeOrderCountingRepeats() {
        TandemApi.Journey journey = new TandemApi.Journey("acme-robotics", 71, 40, 20, List.of(
                new TandemApi.Member("c_1", "Maria Chen", "economic_buyer", 9.1),
                new TandemApi.Member("c_2", "Tom Becker", "end_user", 3.0),
                new TandemApi.Member("c_3", "Li Wong", "champion", 2.5),
                new TandemApi.Member("c_4", "Jana Novak", "end_user", 2.0)));

        assertThat(DemoReport.rolesOf(journey)).isEqualTo("economic_buyer, end_user ×2, champion");
    }
}
