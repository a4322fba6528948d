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

    @Property(tries = 5000)
    void parsesAsOffsetDateTimeDoesOrFailsAsItDoes(@ForAll @IntRange(min = 0, max = 10_000) int year,
            @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day,
            @ForAll @IntRange(min = 0, max = 24) int hour, @ForAll @IntRange(min = 0, max = 60) int minute,
            @ForAll @IntRange(min = 0, max = 61) int second, @ForAll @IntRange(min = -1, max = 10) int fractionDigits,
            @ForAll @IntRange(min = 0, max = 999_999_999) int fraction,
            @ForAll("offsets") String offset, @ForAll boolean lowerCaseT) {
        StringBuilder text = new StringBuilder();
        IsoInstants.digits(text, year, 4).append('-');
        IsoInstants.digits(text, month, 2).append('-');
        IsoInstants.digits(text, day, 2).append(lowerCaseT ? 't' : 'T');
        IsoInstants.digits(text, hour, 2).append(':');
        IsoInstants.digits(text, minute, 2).append(':');
        IsoInstants.digits(text, second, 2);
        if (fractionDigits >= 0) {
            String digits = String.format("%09d", fraction);
            text.append('.').append(fractionDigits <= 9 ? digits.substring(0, fractionDigits) : digits + "1");
        }
        String candidate = text.append(offset).toString();
        Object expected = outcome(() -> java.time.OffsetDateTime.parse(candidate).toInstant());
        Object actual = outcome(() -> IsoInstants.parse(candidate));
        assertThat(actual).as(candidate).isEqualTo(expected);

        // and in JSON, EventJson reads it as the JSR-310 module alone reads it (or fails where that fails)
        String json = "\"" + candidate + "\"";
        Object moduleReads = outcome(() -> readWith(JSR310_ONLY, json));
        Object eventJsonReads = outcome(() -> readWith(EventJson.mapper(), json));
        assertThat(eventJsonReads).as(json).isEqualTo(moduleReads);
    }

    @Property(tries = 200)
    void numbersAreReadAsTheModuleReadsThem(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L)
            long number, @ForAll boolean fraction) {
        String json = fraction ? number + ".5" : Long.toString(number);
        assertThat(outcome(() -> readWith(EventJson.mapper(), json)))
                .isEqualTo(outcome(() -> readWith(JSR310_ONLY, json)));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSR310_ONLY =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .build();

    private static Instant readWith(com.fasterxml.jackson.databind.ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Instant.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> offsets() {
        return net.jqwik.api.Arbitraries.of("Z", "z", "+00:00", "-00:00", "+02:00", "-05:30", "+14:00", "+17:59",
                "+18:00", "-18:00", "+19:00", "+05:60", "+0200", "+02", "+02:00:30", "", "UTC", "+2:00");
    }

    @Property(tries = 200)
    void readsBackWhatItWrites(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant at = Instant.ofEpochSecond(seconds, nanos);
        assertThat(IsoInstants.parse(IsoInstants.format(at))).isEqualTo(at);
    }

    /** The instant, or the class of what was thrown. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
