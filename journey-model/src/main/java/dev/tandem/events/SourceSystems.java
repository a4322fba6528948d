package dev.tandem.events;

import java.util.regex.Pattern;

/**
 * Names of sending systems (a marketing automation tool, a CRM, a seller's inbox plug-in): lowercase letters,
 * digits and dashes, at most 40 characters, so that {@code system:eventId} in {@link TouchpointV1#id()} splits
 * one way only. A system's name comes from the credentials, never from the body.
 */
public final class SourceSystems {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private SourceSystems() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** {@code name} if it is a valid system name; otherwise an exception naming the rule. */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("a system name is 1 to 40 lowercase letters, digits or dashes, "
                    + "starting with a letter or digit");
        }
        return name;
    }
}
