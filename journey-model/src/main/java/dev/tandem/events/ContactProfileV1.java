package dev.tandem.events;

import java.time.Instant;

/**
 * A contact's profile on the compacted {@link Topics#CONTACTS} topic, keyed by tenant and pseudonymous contact
 * key. The only place a contact's name and email travel; erasure is a tombstone on that key.
 */
public record ContactProfileV1(
        String tenantId,
        String contactKey,
        String email,
        String name,
        String title,
        Instant updatedAt) {
}
