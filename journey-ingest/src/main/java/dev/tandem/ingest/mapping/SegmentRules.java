package dev.tandem.ingest.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one sending system's Segment calls become touchpoints: its event names' touchpoint types
 * ({@code events}, else the default rule), the touchpoint source when {@code properties.source} names none, and the
 * types of {@code page} and {@code screen} calls.
 *
 * @param events   event name as sent → touchpoint type ({@code "Demo Requested"} → {@code demo.requested})
 * @param source   the touchpoint source of calls whose properties name none
 * @param pageType the touchpoint type of {@code page} calls (web pages)
 * @param screenType the touchpoint type of {@code screen} calls (screens of a mobile or desktop app)
 */
public record SegmentRules(Map<String, String> events, String source, String pageType, String screenType) {

    /** The touchpoint type pattern of the input schema (DESIGN: dotted lowercase names). */
    public static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");

    public SegmentRules {
        events = Map.copyOf(events);
    }

    /**
     * The touchpoint type of an event name: the configured one; else the name itself when it is a type already
     * ({@code deal.no_decision}); else the name lower-cased with runs of spaces and underscores as dots
     * ({@code Webinar Attended} → {@code webinar.attended}). Empty when that is no valid type ({@code Clicked}).
     */
    public Optional<String> typeOf(String event) {
        String configured = events.get(event);
        String type = configured != null ? configured
                : TYPE.matcher(event).matches() ? event
                : SEPARATORS.matcher(event.strip().toLowerCase(Locale.ROOT)).replaceAll(".");
        return TYPE.matcher(type).matches() && type.length() <= 100 ? Optional.of(type) : Optional.empty();
    }
}
