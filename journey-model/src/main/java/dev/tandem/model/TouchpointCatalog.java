package dev.tandem.model;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The standard touchpoint types with their default weight and direction. Tenants may send their own dotted
 * names; an unknown type counts with {@link #DEFAULT_WEIGHT}, buyer-initiated unless said otherwise.
 */
public final class TouchpointCatalog {

    public static final Pattern TYPE_NAME = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$");
    public static final double DEFAULT_WEIGHT = 1.0;

    /** A touchpoint type's defaults. */
    public record Entry(double weight, Direction direction, Outcome outcome) {
    }

    /** Types that close a journey. */
    public enum Outcome { NONE, WON, LOST, NO_DECISION }

    private static final Direction BUYER = Direction.BUYER_INITIATED;
    private static final Direction SELLER = Direction.SELLER_INITIATED;

    private static final Map<String, Entry> STANDARD = Map.ofEntries(
            Map.entry("email.opened", new Entry(0.5, BUYER, Outcome.NONE)),
            Map.entry("email.clicked", new Entry(1.0, BUYER, Outcome.NONE)),
            Map.entry("email.replied", new Entry(3.0, BUYER, Outcome.NONE)),
            Map.entry("ad.clicked", new Entry(0.5, BUYER, Outcome.NONE)),
            Map.entry("web.visited", new Entry(0.5, BUYER, Outcome.NONE)),
            Map.entry("pricing.viewed", new Entry(3.0, BUYER, Outcome.NONE)),
            Map.entry("content.downloaded", new Entry(2.0, BUYER, Outcome.NONE)),
            Map.entry("content.shared", new Entry(3.0, BUYER, Outcome.NONE)),
            Map.entry("webinar.registered", new Entry(1.0, BUYER, Outcome.NONE)),
            Map.entry("webinar.attended", new Entry(3.0, BUYER, Outcome.NONE)),
            Map.entry("event.attended", new Entry(3.0, BUYER, Outcome.NONE)),
            Map.entry("form.submitted", new Entry(2.0, BUYER, Outcome.NONE)),
            Map.entry("demo.requested", new Entry(5.0, BUYER, Outcome.NONE)),
            Map.entry("trial.started", new Entry(5.0, BUYER, Outcome.NONE)),
            Map.entry("call.connected", new Entry(3.0, SELLER, Outcome.NONE)),
            Map.entry("meeting.held", new Entry(5.0, SELLER, Outcome.NONE)),
            Map.entry("proposal.sent", new Entry(4.0, SELLER, Outcome.NONE)),
            Map.entry("proposal.viewed", new Entry(4.0, BUYER, Outcome.NONE)),
            Map.entry("security.review", new Entry(4.0, BUYER, Outcome.NONE)),
            Map.entry("contract.sent", new Entry(5.0, SELLER, Outcome.NONE)),
            Map.entry("role.assigned", new Entry(0.0, SELLER, Outcome.NONE)),
            Map.entry("deal.won", new Entry(0.0, SELLER, Outcome.WON)),
            Map.entry("deal.lost", new Entry(0.0, SELLER, Outcome.LOST)),
            Map.entry("deal.no_decision", new Entry(0.0, SELLER, Outcome.NO_DECISION)));

    private static final Map<String, String> CANONICAL_NAMES =
            STANDARD.keySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(name -> name, name -> name));

    /** The type a seller uses to assign or correct a contact's role; property {@code role} names it. */
    public static final String ROLE_ASSIGNED = "role.assigned";

    private TouchpointCatalog() {
    }

    public static boolean isValidTypeName(String type) {
        return type != null && TYPE_NAME.matcher(type).matches();
    }

    public static Optional<Entry> standard(String type) {
        return Optional.ofNullable(STANDARD.get(type));
    }

    public static double weightOf(String type) {
        return standard(type).map(Entry::weight).orElse(DEFAULT_WEIGHT);
    }

    public static Direction defaultDirectionOf(String type) {
        return standard(type).map(Entry::direction).orElse(Direction.BUYER_INITIATED);
    }

    /**
     * The catalog's own instance of a standard type's name (else {@code type}): names read from many touchpoints
     * are then one object, so comparing the facts of two accounts compares references, not characters.
     */
    public static String canonicalName(String type) {
        String canonical = type == null ? null : CANONICAL_NAMES.get(type);
        return canonical != null ? canonical : type;
    }

    public static java.util.Set<String> standardTypes() {
        return STANDARD.keySet();
    }
}
