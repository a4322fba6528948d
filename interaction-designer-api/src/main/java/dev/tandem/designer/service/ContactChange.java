package dev.tandem.designer.service;

import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventKeys;

/**
 * What one record of the compacted contacts topic asks for: store a profile, or erase the contact. Each carries
 * its record's offset: a contact's records share one partition, so the higher offset is the newer change.
 */
public sealed interface ContactChange {

    /** The record key, which is also the stored document's id: a later change of the same key replaces this one. */
    String key();

    /** The offset of the record in its partition. */
    long offset();

    record Upsert(ContactProfileV1 profile, long offset) implements ContactChange {
        @Override
        public String key() {
            return EventKeys.contact(profile.tenantId(), profile.contactKey());
        }
    }

    /** A tombstone (null value), or a profile whose data key is forgotten: the contact is erased. */
    record Erase(String tenantId, String contactKey, long offset) implements ContactChange {
        @Override
        public String key() {
            return EventKeys.contact(tenantId, contactKey);
        }
    }
}
