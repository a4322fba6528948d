package dev.tandem.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as ISO-8601 text, exactly as {@link Instant#toString()} writes them ({@code 2026-12-02T15:30:00Z},
 * fractions in groups of three digits), written by hand: every event carries several, and the formatter
 * behind {@code toString} was a tenth of the cost of writing an account's snapshot. Years outside 0000–9999 are
 * left to {@code toString}.
 */
public final class IsoInstants {

    private IsoInstants() {
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long LAST_SECOND = 253_402_300_799L;

    public static String format(Instant at) {
        if (at.getEpochSecond() < FIRST_SECOND || at.getEpochSecond() > LAST_SECOND) {
            return at.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nano = at.getNano();
        if (nano > 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /**
     * Appends {@code value} in decimal, zero-padded on the left to {@code width} digits (longer values are appended
     * whole): fixed-width numbers in text that sorts, written without {@code String.format}.
     */
    public static StringBuilder digits(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** The Jackson serializer of {@link EventJson}. */
    static final class Serializer extends StdSerializer<Instant> {
        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }
}
