package dev.tandem.kpi.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the tenant totals' counters: a family then its dimensions, joined by {@code |}. Each part is
 * escaped so that it can hold any value (a campaign named {@code q4.launch|emea}) and so that the whole name is a
 * valid MongoDB field name (no {@code .}, no leading {@code $}).
 */
public final class KpiKeys {

    public static final String ACCOUNTS = "accounts";
    public static final String TOUCHPOINTS = "touchpoints";
    public static final String MEMBERS = "members";
    public static final String MOMENTUM = "momentum";
    public static final String OPEN = "open";
    public static final String STALLED = "stalled";
    public static final String TRANSITIONS = "transitions";
    public static final String DWELL = "dwell";
    public static final String FUNNEL = "funnel";
    public static final String VELOCITY = "velocity";
    public static final String STALLS = "stalls";
    public static final String STALLED_ROLES = "stalledRoles";
    public static final String COVERAGE = "coverage";
    public static final String OUTCOMES = "outcomes";
    public static final String CYCLE = "cycle";
    public static final String REASONS = "reasons";
    public static final String CREDIT = "credit";
    public static final String CONVERSIONS = "conversions";
    public static final String ENABLEMENT = "enablement";
    /** Stands for an attribute a touchpoint did not have (no campaign, no content). */
    public static final String NONE = "(none)";

    private static final char SEPARATOR = '|';

    private KpiKeys() {
    }

    public static String key(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (!key.isEmpty()) {
                key.append(SEPARATOR);
            }
            escape(part == null ? NONE : part, key);
        }
        return key.toString();
    }

    static String credit(String model, String journey, String conversion, String month, String source,
            String dimension, String value) {
        return key(CREDIT, model, journey == null ? "none" : journey, conversion, month, source, dimension, value);
    }

    /** The parts of a counter's name, unescaped. */
    public static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == SEPARATOR) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '%' && i + 2 < key.length()) {
                part.append((char) Integer.parseInt(key.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static void escape(String part, StringBuilder out) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%' || c == SEPARATOR || c == '.' || c == '$' || c < 0x20) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    /**
     * Shares (summing to 1) as whole millionths summing to exactly {@link KpiFacts#MICROS}: the rounding remainder
     * goes to the largest shares first, so the credit of one conversion is exactly one whatever the model.
     */
    static long[] micros(double[] shares) {
        long[] micros = new long[shares.length];
        long total = 0;
        for (int i = 0; i < shares.length; i++) {
            micros[i] = (long) Math.floor(shares[i] * KpiFacts.MICROS);
            total += micros[i];
        }
        long left = KpiFacts.MICROS - total;
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(shares[b] * KpiFacts.MICROS - micros[b],
                shares[a] * KpiFacts.MICROS - micros[a]));
        for (int i = 0; left > 0 && shares.length > 0; i = (i + 1) % shares.length, left--) {
            micros[order[i]]++;
        }
        return micros;
    }
}
