package dev.tandem.designer.mapping;

import dev.tandem.designer.service.ContactChange;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventKeys;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Maps contact profiles to documents of the {@code contacts} collection and back. */
public final class ContactDocuments {

    public static final String COLLECTION = "contacts";
    public static final String ID = "_id";
    public static final String TENANT_ID = "tenantId";
    public static final String CONTACT_KEY = "contactKey";
    public static final String NAME = "name";
    public static final String TITLE = "title";
    public static final String UPDATED_AT = "updatedAt";
    /** The offset of the contacts-topic record the document came from: a later record replaces it. */
    public static final String SOURCE_OFFSET = "sourceOffset";
    /** Present and true on an erased contact's tombstone, which names no one. */
    public static final String ERASED = "erased";

    private ContactDocuments() {
    }

    /** The document id equals the record key, so a tombstone erases exactly what its profile wrote. */
    public static String idOf(String tenantId, String contactKey) {
        return EventKeys.contact(tenantId, contactKey);
    }

    /**
     * The whole document a change leaves: a profile's fields, or an erased contact's tombstone. The email is
     * deliberately not stored: sellers' views never show it.
     */
    public static Document of(ContactChange change, Instant projectedAt) {
        Document document = new Document(ID, change.key());
        if (change instanceof ContactChange.Upsert upsert) {
            ContactProfileV1 profile = upsert.profile();
            document.append(TENANT_ID, profile.tenantId())
                    .append(CONTACT_KEY, profile.contactKey())
                    .append(NAME, profile.name())
                    .append(TITLE, profile.title())
                    .append(UPDATED_AT, profile.updatedAt() == null ? null : Date.from(profile.updatedAt()));
        } else {
            ContactChange.Erase erase = (ContactChange.Erase) change;
            document.append(TENANT_ID, erase.tenantId()).append(CONTACT_KEY, erase.contactKey()).append(ERASED, true);
        }
        return document.append(SOURCE_OFFSET, change.offset()).append("projectedAt", Date.from(projectedAt));
    }

    public static boolean isErased(Document document) {
        return Boolean.TRUE.equals(document.get(ERASED));
    }

    public static ContactCard fromDocument(Document document) {
        return new ContactCard(document.getString(CONTACT_KEY), document.getString(NAME), document.getString(TITLE));
    }
}
