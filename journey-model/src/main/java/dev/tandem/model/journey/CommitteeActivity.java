package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When the committee last did something meaningful ({@link MeaningfulTouchpoints}), overall and per role.
 * Both are maxima of event times, so they do not depend on the order touchpoints arrive in.
 *
 * @param lastMeaningfulTouchAt null when nothing meaningful happened yet
 * @param lastMeaningfulTouchByRole only roles that had a meaningful touchpoint
 */
public record CommitteeActivity(Instant lastMeaningfulTouchAt, Map<CommitteeRole, Instant> lastMeaningfulTouchByRole,
        Map<String, Instant> lastMeaningfulTouchByContact) {

    public CommitteeActivity {
        EnumMap<CommitteeRole, Instant> copy = new EnumMap<>(CommitteeRole.class);
        if (lastMeaningfulTouchByRole != null) {
            copy.putAll(lastMeaningfulTouchByRole);
        }
        lastMeaningfulTouchByRole = Collections.unmodifiableMap(copy);
        lastMeaningfulTouchByContact = lastMeaningfulTouchByContact == null ? Map.of()
                : Collections.unmodifiableMap(new java.util.TreeMap<>(lastMeaningfulTouchByContact));
    }

    public CommitteeActivity(Instant lastMeaningfulTouchAt, Map<CommitteeRole, Instant> lastMeaningfulTouchByRole) {
        this(lastMeaningfulTouchAt, lastMeaningfulTouchByRole, Map.of());
    }

    /** A meaningful touchpoint of a contact (or of the account when null), kept per contact. */
    public CommitteeActivity recordContact(String contactKey, String touchpointType, Instant occurredAt) {
        if (!MeaningfulTouchpoints.isMeaningful(touchpointType)) {
            return this;
        }
        Map<String, Instant> byContact = new java.util.TreeMap<>(lastMeaningfulTouchByContact);
        if (contactKey != null) {
            byContact.merge(contactKey, occurredAt, CommitteeActivity::later);
        }
        return new CommitteeActivity(later(lastMeaningfulTouchAt, occurredAt), lastMeaningfulTouchByRole, byContact);
    }

    /** The per-role view with every contact in its current role. */
    public CommitteeActivity withRolesOf(java.util.function.Function<String, CommitteeRole> roleOf) {
        Map<CommitteeRole, Instant> byRole = new EnumMap<>(CommitteeRole.class);
        lastMeaningfulTouchByContact.forEach((contact, at) -> byRole.merge(roleOf.apply(contact), at,
                CommitteeActivity::later));
        if (byRole.equals(lastMeaningfulTouchByRole)) {
            return this; // the usual case on every touchpoint: spares copying the contacts
        }
        return new CommitteeActivity(lastMeaningfulTouchAt, byRole, lastMeaningfulTouchByContact);
    }

    /** Without the contacts who left the committee: their touches no longer speak for a role. */
    public CommitteeActivity forget(java.util.Collection<String> contactKeys,
            java.util.function.Function<String, CommitteeRole> roleOf) {
        Map<String, Instant> byContact = new java.util.TreeMap<>(lastMeaningfulTouchByContact);
        byContact.keySet().removeAll(contactKeys);
        return new CommitteeActivity(lastMeaningfulTouchAt, Map.of(), byContact).withRolesOf(roleOf);
    }

    public static CommitteeActivity none() {
        return new CommitteeActivity(null, Map.of());
    }

    /** This activity with one more touchpoint; a glance or a touch older than the latest changes nothing. */
    public CommitteeActivity record(CommitteeRole role, String touchpointType, Instant occurredAt) {
        if (!MeaningfulTouchpoints.isMeaningful(touchpointType)) {
            return this;
        }
        Map<CommitteeRole, Instant> byRole = new EnumMap<>(CommitteeRole.class);
        byRole.putAll(lastMeaningfulTouchByRole);
        if (role != null) {
            byRole.merge(role, occurredAt, CommitteeActivity::later);
        }
        return new CommitteeActivity(later(lastMeaningfulTouchAt, occurredAt), byRole);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b.isAfter(a) ? b : a;
    }
}
