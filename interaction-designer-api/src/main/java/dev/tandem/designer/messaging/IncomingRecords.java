package dev.tandem.designer.messaging;

import dev.tandem.designer.service.ContactChange;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns raw Kafka records into contracts, or throws {@link MalformedEventException}: such a record can never be
 * applied, so it is dead-lettered at once and never retried. A record whose key disagrees with its body is refused
 * too, because the key decides ordering and the body decides the tenant that is written.
 */
public final class IncomingRecords {

    private IncomingRecords() {
    }

    public static AccountSnapshotV1 snapshot(String key, String value) {
        if (value == null) {
            throw new MalformedEventException("an account snapshot needs a value; snapshots are never erased");
        }
        AccountSnapshotV1 snapshot = EventJson.read(value, AccountSnapshotV1.class);
        requireText(snapshot.tenantId(), "tenantId");
        requireText(snapshot.accountKey(), "accountKey");
        requireKey(key, EventKeys.account(snapshot.tenantId(), snapshot.accountKey()));
        if (snapshot.accountVersion() < 1) {
            throw new MalformedEventException("accountVersion must be positive");
        }
        if (snapshot.momentum() < 0 || snapshot.momentum() > 100) {
            throw new MalformedEventException("momentum must be within 0..100");
        }
        for (AccountSnapshotV1.Member member : snapshot.committee()) {
            requireText(member.contactKey(), "committee[].contactKey");
        }
        return snapshot;
    }

    public static ContactChange contact(ConsumerRecord<String, String> record) {
        return contact(record.key(), record.value(), record.offset());
    }

    public static ContactChange contact(String key, String value, long offset) {
        if (value == null) {
            int slash = key == null ? -1 : key.indexOf('/');
            if (slash <= 0 || slash == key.length() - 1) {
                throw new MalformedEventException("a contact tombstone needs the key tenantId/contactKey");
            }
            return new ContactChange.Erase(key.substring(0, slash), key.substring(slash + 1), offset);
        }
        ContactProfileV1 profile = EventJson.read(value, ContactProfileV1.class);
        requireText(profile.tenantId(), "tenantId");
        requireText(profile.contactKey(), "contactKey");
        requireKey(key, EventKeys.contact(profile.tenantId(), profile.contactKey()));
        return new ContactChange.Upsert(profile, offset);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(field + " is missing");
        }
    }

    private static void requireKey(String key, String expected) {
        if (!expected.equals(key)) {
            throw new MalformedEventException("the record key does not match the tenant and key in its value");
        }
    }
}
