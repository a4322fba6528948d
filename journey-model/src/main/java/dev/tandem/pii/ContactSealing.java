package dev.tandem.pii;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.TouchpointV1;

/**
 * Seals and opens the personal fields of the records that carry them: a profile's email, name and title and a
 * touchpoint's contact title. Everything else (the pseudonymous contact key included) stays readable.
 */
public final class ContactSealing {

    private ContactSealing() {
    }

    public static ContactProfileV1 seal(ContactProfileV1 profile, ContactDataKey key) {
        return new ContactProfileV1(profile.tenantId(), profile.contactKey(),
                SealedPii.seal(key, PiiField.EMAIL, profile.email()), SealedPii.seal(key, PiiField.NAME, profile.name()),
                SealedPii.seal(key, PiiField.TITLE, profile.title()), profile.updatedAt());
    }

    public static TouchpointV1 sealTitle(TouchpointV1 touchpoint, ContactDataKey key) {
        if (touchpoint.contactTitle() == null) {
            return touchpoint;
        }
        return new TouchpointV1(touchpoint.eventId(), touchpoint.tenantId(), touchpoint.accountKey(),
                touchpoint.type(), touchpoint.source(), touchpoint.direction(), touchpoint.occurredAt(),
                touchpoint.receivedAt(), touchpoint.contactKey(),
                SealedPii.seal(key, PiiField.TITLE, touchpoint.contactTitle()), touchpoint.properties(),
                touchpoint.sourceSystem());
    }

    /**
     * The profile in plaintext. {@code key} is the key its sealed fields name; a profile written before sealing
     * (plaintext fields) is returned as it is and needs none.
     *
     * @throws UnreadablePiiException when a sealed field does not open under {@code key}
     */
    public static ContactProfileV1 open(ContactProfileV1 profile, ContactDataKey key) {
        return new ContactProfileV1(profile.tenantId(), profile.contactKey(),
                openField(key, PiiField.EMAIL, profile.email()), openField(key, PiiField.NAME, profile.name()),
                openField(key, PiiField.TITLE, profile.title()), profile.updatedAt());
    }

    /** The key id a profile's sealed fields name, or null for a profile written before sealing. */
    public static String keyIdOf(ContactProfileV1 profile) {
        return SealedPii.keyIdOf(profile.email()).orElse(null);
    }

    private static String openField(ContactDataKey key, PiiField field, String value) {
        if (!SealedPii.isSealed(value)) {
            return value;
        }
        if (key == null) {
            throw new UnreadablePiiException("a sealed " + field.wireName() + " needs its key");
        }
        return SealedPii.open(key, field, value);
    }
}
