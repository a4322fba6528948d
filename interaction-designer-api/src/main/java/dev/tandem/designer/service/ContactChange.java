package dev.tandem.designer.service;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventKeys;

/** What one record of the compacted contacts topic asks for: store a profile, or erase the contact. */
public sealed interface ContactChange {

    /** The record key, which is also the stored document's id: a later change of the same key replaces this one. */
    String key();

    record Upsert(ContactProfileV1 profile) implements ContactChange {
        @Override
        public String key() {
            return EventKeys.contact(profile.tenantId(), profile.contactKey());
        }
    }

    /** A tombstone (null value): the key alone names the contact to erase. */
    record Erase(String tenantId, String contactKey) implements ContactChange {
        @Override
        public String key() {
            return EventKeys.contact(tenantId, contactKey);
        }
    }
}
