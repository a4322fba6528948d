package dev.tandem.designer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageDwellTest {

    private static final Instant ENTERED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aClosedVisitLastsUntilItsExit() {
        assertThat(StageDwell.days(ENTERED, Instant.parse("2026-11-04T12:00:00Z"), null, Instant.MAX))
                .isEqualTo(3.5);
    }

    @Test
    void anOpenVisitLastsUntilNowOrUntilTheJourneyClosed() {
        Instant now = Instant.parse("2026-11-11T02:24:00Z");
        assertThat(StageDwell.days(ENTERED, null, null, now)).isEqualTo(10.1);
        assertThat(StageDwell.days(ENTERED, null, Instant.parse("2026-11-02T00:00:00Z"), now)).isEqualTo(1.0);
    }

    @Test
    void unknownEntryGivesNullAndClockSkewNeverGoesNegative() {
        assertThat(StageDwell.days(null, null, null, ENTERED)).isNull();
        assertThat(StageDwell.days(ENTERED, null, null, ENTERED.minusSeconds(3600))).isZero();
    }
}
