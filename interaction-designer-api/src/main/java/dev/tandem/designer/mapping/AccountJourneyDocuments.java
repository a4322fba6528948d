package dev.tandem.designer.mapping;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventKeys;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
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
    public static final String MOMENTUM = "momentum";
    public static final String JOURNEY = "journey";
    /** The current stage's key, top level so the sellers' list can filter on it by index; null without journey. */
    public static final String STAGE_KEY = "stageKey";
    /** Whether the account has active stalls (top level, indexed with momentum for the list). */
    public static final String STALLED = "stalled";
    public static final String ALERT_COUNT = "alertCount";
    public static final String LAST_TOUCHPOINT_AT = "lastTouchpointAt";
    public static final String TOUCHPOINT_COUNT = "touchpointCount";
    /** The roles with a member engaged at least the engaged threshold, as of the snapshot (for "missing role"). */
    public static final String ENGAGED_ROLES = "engagedRoles";
    /** How momentum decays after the latest touchpoint (read-time derivation as of now); null for old snapshots. */
    public static final String MOMENTUM_DECAY = "momentumDecay";

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
                        .append("engagement", member.engagement())
                        .append("lastEngagedAt", toDate(member.lastEngagedAt())))
                .toList();
        AccountSnapshotV1.JourneyProgress progress = snapshot.journey();
        int alertCount = progress == null ? 0 : progress.alerts().size();
        return new Document(TENANT_ID, snapshot.tenantId())
                .append(ACCOUNT_KEY, snapshot.accountKey())
                .append(ACCOUNT_VERSION, snapshot.accountVersion())
                .append(MOMENTUM, snapshot.momentum())
                .append(TOUCHPOINT_COUNT, snapshot.touchpointCount())
                .append(LAST_TOUCHPOINT_AT, toDate(snapshot.lastTouchpointAt()))
                .append(ENGAGED_ROLES, engagedRolesOf(snapshot))
                .append("committee", committee)
                .append(JOURNEY, progress == null ? null : JourneyProgressDocuments.toDocument(progress))
                .append(MOMENTUM_DECAY, JourneyProgressDocuments.decay(snapshot.momentumDecay()))
                .append(STAGE_KEY, progress == null ? null : progress.stageKey())
                .append(STALLED, alertCount > 0)
                .append(ALERT_COUNT, alertCount)
                .append("projectedAt", toDate(projectedAt));
    }

    /** The fields the sellers' account list reads; the rest of the document stays in the database. */
    public static List<String> listingFields() {
        return List.of(ACCOUNT_KEY, MOMENTUM, ALERT_COUNT, TOUCHPOINT_COUNT, LAST_TOUCHPOINT_AT, JOURNEY + ".stageKey",
                JOURNEY + ".stageName", JOURNEY + ".trend");
    }

    private static List<String> engagedRolesOf(AccountSnapshotV1 snapshot) {
        double threshold = snapshot.momentumDecay() == null
                ? dev.tandem.model.EngagementPolicy.defaults().engagedThreshold()
                : snapshot.momentumDecay().engagedThreshold();
        return snapshot.committee().stream()
                .filter(member -> member.role() != null && member.engagement() >= threshold)
                .map(member -> member.role().wireName()).distinct().sorted().toList();
    }

    public static AccountListing listingOf(Document document) {
        Document journey = document.get(JOURNEY, Document.class);
        return new AccountListing(
                document.getString(ACCOUNT_KEY),
                numberOr(document.get(MOMENTUM), 0).intValue(),
                journey == null ? null : journey.getString("stageKey"),
                journey == null ? null : journey.getString("stageName"),
                journey == null ? null : WireNames.parse(Trend.class, journey.getString("trend")),
                numberOr(document.get(ALERT_COUNT), 0).intValue(),
                numberOr(document.get(TOUCHPOINT_COUNT), 0).longValue(),
                document.getDate(LAST_TOUCHPOINT_AT) == null ? null : document.getDate(LAST_TOUCHPOINT_AT).toInstant());
    }

    public static ProjectedJourney fromDocument(Document document) {
        List<ProjectedJourney.Member> committee = document.getList("committee", Document.class, List.of()).stream()
                .map(member -> new ProjectedJourney.Member(
                        member.getString("contactKey"),
                        CommitteeRole.fromWireName(member.getString("role")).orElse(null),
                        roleSourceOf(member.getString("roleSource")),
                        numberOr(member.get("engagement"), 0).doubleValue(),
                        member.getDate("lastEngagedAt") == null ? null : member.getDate("lastEngagedAt").toInstant()))
                .toList();
        Date lastTouchpointAt = document.getDate(LAST_TOUCHPOINT_AT);
        return new ProjectedJourney(
                document.getString(TENANT_ID),
                document.getString(ACCOUNT_KEY),
                numberOr(document.get(ACCOUNT_VERSION), 0).longValue(),
                numberOr(document.get(MOMENTUM), 0).intValue(),
                numberOr(document.get(TOUCHPOINT_COUNT), 0).longValue(),
                lastTouchpointAt == null ? null : lastTouchpointAt.toInstant(),
                committee,
                JourneyProgressDocuments.fromDocument(document.get(JOURNEY, Document.class)),
                JourneyProgressDocuments.decayOf(document.get(MOMENTUM_DECAY, Document.class)));
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
