package dev.tandem.state.repository;

import dev.tandem.events.IsoInstants;
import dev.tandem.model.history.HistoryPosition;
import java.time.Instant;

/**
 * Keys of the per-account stores. An account's entries are {@code tenant/account} + NUL + a position code that
 * sorts like the position (fixed-width seconds and nanoseconds, then the event id), so a range scan of one
 * account's keys walks its history in event-time order, and nothing of another account falls in between.
 */
public final class StoreKeys {

    /** Seconds added so that instants back to year 0 encode as non-negative fixed-width numbers. */
    private static final long EPOCH_OFFSET = 62_167_219_200L;
    private static final char SEPARATOR = '\u0000';
    private static final char AFTER_ACCOUNT = '\u0001';

    /** The value of entries whose key says it all (seen ids, due and dirty marks); not a tombstone. */
    public static final byte[] PRESENT = new byte[0];

    private StoreKeys() {
    }

    public static String position(String account, HistoryPosition position) {
        return account + SEPARATOR + timeCode(position.at()) + '|' + position.touchpointId();
    }

    public static HistoryPosition positionOf(String key) {
        String code = key.substring(key.indexOf(SEPARATOR) + 1);
        long seconds = Long.parseLong(code.substring(0, 12)) - EPOCH_OFFSET;
        int nanos = Integer.parseInt(code.substring(12, 21));
        return new HistoryPosition(Instant.ofEpochSecond(seconds, nanos), code.substring(22));
    }

    /** The smallest key of an account (inclusive lower bound of its range). */
    public static String first(String account) {
        return account + SEPARATOR;
    }

    /** A key after every key of the account (inclusive upper bound of its range; never a real key). */
    public static String last(String account) {
        return account + AFTER_ACCOUNT;
    }

    /** The smallest key strictly greater than {@code key}. */
    public static String justAfter(String key) {
        return key + SEPARATOR;
    }

    public static String id(String account, String touchpointId) {
        return account + SEPARATOR + touchpointId;
    }

    /** A due-index key: sorts by due time, then account. */
    public static String due(Instant dueAt, String account) {
        return timeCode(dueAt) + '|' + account;
    }

    public static String accountOfDue(String dueKey) {
        return dueKey.substring(22);
    }

    /** Twelve digits of seconds and nine of nanoseconds, zero-padded (by hand: it runs for every store key). */
    public static String timeCode(Instant at) {
        StringBuilder code = new StringBuilder(21);
        IsoInstants.digits(code, at.getEpochSecond() + EPOCH_OFFSET, 12);
        IsoInstants.digits(code, at.getNano(), 9);
        return code.toString();
    }
}
