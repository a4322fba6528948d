package dev.tandem.events;

/** CloudEvents {@code type} and {@code source} attributes Tandem writes (never a Java class name). */
public final class CloudEventTypes {

    public static final String TOUCHPOINT = "dev.tandem.touchpoint.v1";
    public static final String CONTACT_PROFILE = "dev.tandem.contact-profile.v1";
    public static final String ACCOUNT_SNAPSHOT = "dev.tandem.account-snapshot.v1";
    public static final String ERASURE = "dev.tandem.erasure.v1";
    public static final String JOURNEY_EVENT_PREFIX = "dev.tandem.journey.";

    private CloudEventTypes() {
    }

    /** e.g. {@code dev.tandem.journey.CommitteeMemberAdded.v1}. */
    public static String journeyEvent(String eventType) {
        return JOURNEY_EVENT_PREFIX + eventType + ".v1";
    }
}
