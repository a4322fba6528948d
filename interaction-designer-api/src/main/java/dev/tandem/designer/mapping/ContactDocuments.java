package dev.tandem.designer.mapping;

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

    private ContactDocuments() {
    }

    /** The document id equals the record key, so a tombstone deletes exactly what its profile wrote. */
    public static String idOf(String tenantId, String contactKey) {
        return EventKeys.contact(tenantId, contactKey);
    }

    /** The fields a profile sets. The email is deliberately not stored: sellers' views never show it. */
    public static Document fieldsOf(ContactProfileV1 profile, Instant projectedAt) {
        return new Document(TENANT_ID, profile.tenantId())
                .append(CONTACT_KEY, profile.contactKey())
                .append("name", profile.name())
                .append("title", profile.title())
                .append("updatedAt", profile.updatedAt() == null ? null : Date.from(profile.updatedAt()))
                .append("projectedAt", Date.from(projectedAt));
    }

    public static ContactCard fromDocument(Document document) {
        return new ContactCard(document.getString(CONTACT_KEY), document.getString("name"),
                document.getString("title"));
    }
}
