package dev.tandem.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a touchpoint's free properties say for attribution and decision reasons, read once where the touchpoint
 * is applied so every reader of the journey events sees the same values.
 *
 * @param channel property {@code channel}, else the type's first segment ({@code webinar.attended} → webinar)
 * @param campaign property {@code campaign}, or null
 * @param content property {@code content}, else {@code asset}, or null
 * @param reasons on {@code deal.*} types only: property {@code reasons} (strings) or {@code reason}, each trimmed,
 *     lower-cased, at most {@link #MAX_REASONS}; empty otherwise
 * @param reportedBy {@code buyer} or {@code seller} when there are reasons (property {@code reportedBy}; anything
 *     but buyer counts as seller), else null
 */
public record TouchpointAttributes(String channel, String campaign, String content, List<String> reasons,
        String reportedBy) {

    /** Longest attribute value kept; longer values are cut, so a KPI key never grows without bound. */
    public static final int MAX_LENGTH = 120;
    public static final int MAX_REASONS = 10;
    public static final String BUYER = "buyer";
    public static final String SELLER = "seller";

    public static TouchpointAttributes of(TouchpointV1 touchpoint) {
        String type = touchpoint.type();
        String channel = text(touchpoint.properties().get("channel"));
        if (channel == null && type != null) {
            int dot = type.indexOf('.');
            channel = dot < 0 ? type : type.substring(0, dot);
        }
        String content = text(touchpoint.properties().get("content"));
        if (content == null) {
            content = text(touchpoint.properties().get("asset"));
        }
        List<String> reasons = type != null && type.startsWith("deal.") ? reasons(touchpoint) : List.of();
        String reportedBy = reasons.isEmpty() ? null
                : BUYER.equalsIgnoreCase(String.valueOf(touchpoint.properties().get("reportedBy"))) ? BUYER : SELLER;
        return new TouchpointAttributes(channel, text(touchpoint.properties().get("campaign")), content, reasons,
                reportedBy);
    }

    private static List<String> reasons(TouchpointV1 touchpoint) {
        List<String> reasons = new ArrayList<>();
        Object many = touchpoint.properties().get("reasons");
        if (many instanceof Collection<?> values) {
            values.forEach(value -> add(reasons, value));
        } else {
            add(reasons, many);
        }
        add(reasons, touchpoint.properties().get("reason"));
        return List.copyOf(reasons);
    }

    private static void add(List<String> reasons, Object value) {
        String reason = text(value);
        if (reason != null && reasons.size() < MAX_REASONS && !reasons.contains(reason.toLowerCase(Locale.ROOT))) {
            reasons.add(reason.toLowerCase(Locale.ROOT));
        }
    }

    private static String text(Object value) {
        if (!(value instanceof String string) || string.isBlank()) {
            return null;
        }
        String trimmed = string.strip();
        return trimmed.length() <= MAX_LENGTH ? trimmed : trimmed.substring(0, MAX_LENGTH);
    }
}
