package dev.tandem.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
     * The instant of an ISO-8601 date-time with an offset, as {@code OffsetDateTime.parse(text).toInstant()} reads it,
     * and failing as it does. The usual shape ({@code 2026-12-02T15:30:00Z}, {@code 2026-12-02T15:30:00.250+02:00}:
     * seconds given, 1 to 9 fraction digits, {@code Z} or {@code ±HH:MM}) is read by hand, since every touchpoint is
     * read twice and the formatter's parser was a twentieth of ingest's work; anything else (lower-case letters,
     * no seconds, an offset with seconds, out-of-range fields) goes to {@code OffsetDateTime.parse}.
     */
    public static Instant parse(String text) {
        Instant fast = parseUsualShape(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** Null when {@code text} is not in the usual shape with fields in range. */
    private static Instant parseUsualShape(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int digits = 0;
            at++;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                if (++digits > 9) {
                    return null;
                }
                nano = nano * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (digits == 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int offsetHours = number(text, at + 1, at + 3);
            int offsetMinutes = number(text, at + 4, at + 6);
            if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The decimal digits of {@code text} from {@code start} to {@code end}; -1 if any is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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

    /**
     * The Jackson deserializer of {@link EventJson}: the usual shape read by hand, anything else (numbers, other
     * shapes, errors) exactly as the JSR-310 module reads it. Every snapshot carries dozens of instants, and the
     * module's formatter was about a tenth of a projector's work.
     */
    static final class Deserializer extends StdDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parseUsualShape(parser.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
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
