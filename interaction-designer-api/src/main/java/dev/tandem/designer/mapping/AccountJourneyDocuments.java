package dev.tandem.designer.mapping;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventKeys;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/** Maps account snapshots to documents of the {@code account_journeys} collection and back. */
public final class AccountJourneyDocuments {

    public static final String COLLECTION = "account_journeys";
    public static final String ID = "_id";
    public static final String TENANT_ID = "tenantId";
    public static final String ACCOUNT_KEY = "accountKey";
    public static final String ACCOUNT_VERSION = "accountVersion";
    public static final String COMMITTEE_CONTACT_KEY = "committee.contactKey";

    private AccountJourneyDocuments() {
    }

    /** The document id: one document per tenant and account. */
    public static String idOf(String tenantId, String accountKey) {
        return EventKeys.account(tenantId, accountKey);
    }

    /** The fields a snapshot sets; the id comes from the upsert's filter. */
    public static Document fieldsOf(AccountSnapshotV1 snapshot, Instant projectedAt) {
        List<Document> committee = snapshot.committee().stream()
                .map(member -> new Document("contactKey", member.contactKey())
                        .append("role", member.role() == null ? null : member.role().wireName())
                        .append("roleSource", member.roleSource() == null ? null
                                : member.roleSource().name().toLowerCase(Locale.ROOT))
                        .append("engagement", member.engagement()))
                .toList();
        return new Document(TENANT_ID, snapshot.tenantId())
                .append(ACCOUNT_KEY, snapshot.accountKey())
                .append(ACCOUNT_VERSION, snapshot.accountVersion())
                .append("momentum", snapshot.momentum())
                .append("touchpointCount", snapshot.touchpointCount())
                .append("lastTouchpointAt", toDate(snapshot.lastTouchpointAt()))
                .append("committee", committee)
                .append("projectedAt", toDate(projectedAt));
    }

    public static ProjectedJourney fromDocument(Document document) {
        List<ProjectedJourney.Member> committee = document.getList("committee", Document.class, List.of()).stream()
                .map(member -> new ProjectedJourney.Member(
                        member.getString("contactKey"),
                        CommitteeRole.fromWireName(member.getString("role")).orElse(null),
                        roleSourceOf(member.getString("roleSource")),
                        numberOr(member.get("engagement"), 0).doubleValue()))
                .toList();
        Date lastTouchpointAt = document.getDate("lastTouchpointAt");
        return new ProjectedJourney(
                document.getString(TENANT_ID),
                document.getString(ACCOUNT_KEY),
                numberOr(document.get(ACCOUNT_VERSION), 0).longValue(),
                numberOr(document.get("momentum"), 0).intValue(),
                numberOr(document.get("touchpointCount"), 0).longValue(),
                lastTouchpointAt == null ? null : lastTouchpointAt.toInstant(),
                committee);
    }

    private static RoleSource roleSourceOf(String stored) {
        return stored == null ? null : RoleSource.valueOf(stored.toUpperCase(Locale.ROOT));
    }

    private static Number numberOr(Object value, Number fallback) {
        return value instanceof Number number ? number : fallback;
    }

    private static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
