package dev.tandem.kpi.mapping;

import dev.tandem.events.EventKeys;
import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.service.KpiFacts;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Maps account KPI states to documents of {@code account_kpis} and back. Counts are stored under every source and
 * role (zero included) so the summary's {@code $sum} never meets a missing field; members are an array rather than
 * a map because contact keys are not safe as field names.
 */
public final class AccountKpisDocuments {

    public static final String COLLECTION = "account_kpis";
    public static final String ID = "_id";
    public static final String TENANT_ID = "tenantId";
    public static final String ACCOUNT_KEY = "accountKey";
    public static final String ACCOUNT_VERSION = "accountVersion";
    public static final String TOUCHPOINTS_BY_SOURCE = "touchpointsBySource";
    public static final String MEMBERS_BY_ROLE = "membersByRole";
    public static final String MOMENTUM = "momentum";
    /** The facts beyond counts ({@code KpiFacts}) as JSON text: content names need not be valid field names. */
    public static final String FACTS = "facts";

    private AccountKpisDocuments() {
    }

    public static String idOf(String tenantId, String accountKey) {
        return EventKeys.account(tenantId, accountKey);
    }

    public static Document toDocument(AccountKpis kpis, Instant projectedAt) {
        Document sources = new Document();
        kpis.touchpointsBySource().forEach((source, count) -> sources.append(source.wireName(), count));
        Document roles = new Document();
        kpis.membersByRole().forEach((role, count) -> roles.append(role.wireName(), count));
        List<Document> members = kpis.memberRoles().entrySet().stream()
                .map(member -> new Document("contactKey", member.getKey()).append("role", member.getValue().wireName()))
                .toList();
        Document document = new Document(ID, idOf(kpis.tenantId(), kpis.accountKey()))
                .append(TENANT_ID, kpis.tenantId())
                .append(ACCOUNT_KEY, kpis.accountKey())
                .append(ACCOUNT_VERSION, kpis.accountVersion())
                .append(TOUCHPOINTS_BY_SOURCE, sources)
                .append("touchpointCount", kpis.touchpointCount())
                .append("members", members)
                .append(MEMBERS_BY_ROLE, roles)
                .append(FACTS, kpis.facts().toJson())
                .append("projectedAt", Date.from(projectedAt));
        StageKpisDocuments.appendTo(document, kpis.journey());
        if (kpis.momentum() != null) {
            // absent rather than null: $avg then skips accounts whose momentum is not known yet
            document.append(MOMENTUM, kpis.momentum());
        }
        return document;
    }

    public static AccountKpis fromDocument(Document document) {
        Map<TouchpointSource, Long> sources = new EnumMap<>(TouchpointSource.class);
        Document storedSources = document.get(TOUCHPOINTS_BY_SOURCE, new Document());
        for (TouchpointSource source : TouchpointSource.values()) {
            sources.put(source, longOf(storedSources.get(source.wireName())));
        }
        Map<String, CommitteeRole> memberRoles = new LinkedHashMap<>();
        for (Document member : document.getList("members", Document.class, List.of())) {
            CommitteeRole.fromWireName(member.getString("role"))
                    .ifPresent(role -> memberRoles.put(member.getString("contactKey"), role));
        }
        Object momentum = document.get(MOMENTUM);
        return new AccountKpis(document.getString(TENANT_ID), document.getString(ACCOUNT_KEY),
                longOf(document.get(ACCOUNT_VERSION)), sources, memberRoles,
                momentum instanceof Number number ? number.intValue() : null,
                StageKpisDocuments.fromDocument(document), KpiFacts.fromJson(document.getString(FACTS)));
    }

    static long longOf(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
