package dev.tandem.designer.messaging;

import dev.tandem.events.ContactProfileV1;

/** What one record of the compacted contacts topic asks for: store a profile, or erase the contact. */
sealed interface ContactChange {

    record Upsert(ContactProfileV1 profile) implements ContactChange {
    }

    /** A tombstone (null value): the key alone names the contact to erase. */
    record Erase(String tenantId, String contactKey) implements ContactChange {
    }
}
