package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The hand-written instant text is exactly {@link Instant#toString()}, and events carry it. */
class IsoInstantsProperties {

    @Property(tries = 3000)
    void writesWhatToStringWrites(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int rounding) {
        // every fraction width: none, milliseconds, microseconds, nanoseconds
        int nano = switch (rounding) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
        Instant at = Instant.ofEpochSecond(seconds, nano);

        assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
    }

    @Property(tries = 200)
    void yearsBeyondFourDigitsAreWrittenAsToStringDoes(
            @ForAll @LongRange(min = 253_402_300_800L, max = 31_556_889_864_403_199L) long seconds) {
        Instant at = Instant.ofEpochSecond(seconds);

        assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
        assertThat(EventJson.write(at)).isEqualTo("\"" + at + "\"");
    }

    @Property(tries = 200)
    void eventJsonWritesInstantsThisWayAndReadsThemBack(
            @ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant at = Instant.ofEpochSecond(seconds, nanos);

        String json = EventJson.write(at);

        assertThat(json).isEqualTo("\"" + at + "\"");
        assertThat(EventJson.read(json, Instant.class)).isEqualTo(at);
    }
}
