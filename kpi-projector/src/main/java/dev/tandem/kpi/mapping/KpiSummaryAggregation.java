package dev.tandem.kpi.mapping;

import static com.mongodb.client.model.Accumulators.avg;
import static com.mongodb.client.model.Accumulators.sum;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import dev.tandem.kpi.service.KpiSummary;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The tenant summary as one MongoDB aggregation ({@code $match} by tenant, one {@code $group} of sums): the
 * database adds the counts up, the service never loads the accounts.
 */
public final class KpiSummaryAggregation {

    private static final String ACCOUNTS = "accountsTracked";
    private static final String AVERAGE_MOMENTUM = "averageMomentum";

    private KpiSummaryAggregation() {
    }

    public static List<Bson> pipeline(String tenantId) {
        List<BsonField> totals = new ArrayList<>();
        totals.add(sum(ACCOUNTS, 1));
        for (TouchpointSource source : TouchpointSource.values()) {
            totals.add(sum(sourceField(source),
                    "$" + AccountKpisDocuments.TOUCHPOINTS_BY_SOURCE + "." + source.wireName()));
        }
        for (CommitteeRole role : CommitteeRole.values()) {
            totals.add(sum(roleField(role), "$" + AccountKpisDocuments.MEMBERS_BY_ROLE + "." + role.wireName()));
        }
        totals.add(avg(AVERAGE_MOMENTUM, "$" + AccountKpisDocuments.MOMENTUM));
        return List.of(
                Aggregates.match(Filters.eq(AccountKpisDocuments.TENANT_ID, tenantId)),
                Aggregates.group(null, totals));
    }

    /** The summary from the pipeline's single result; {@code null} (a tenant without accounts) gives zeros. */
    public static KpiSummary fromResult(Document result) {
        Document totals = result == null ? new Document() : result;
        Map<TouchpointSource, Long> sources = new EnumMap<>(TouchpointSource.class);
        for (TouchpointSource source : TouchpointSource.values()) {
            sources.put(source, AccountKpisDocuments.longOf(totals.get(sourceField(source))));
        }
        Map<CommitteeRole, Long> roles = new EnumMap<>(CommitteeRole.class);
        for (CommitteeRole role : CommitteeRole.values()) {
            roles.put(role, AccountKpisDocuments.longOf(totals.get(roleField(role))));
        }
        Object average = totals.get(AVERAGE_MOMENTUM);
        return new KpiSummary(AccountKpisDocuments.longOf(totals.get(ACCOUNTS)), sources, roles,
                average instanceof Number number ? number.doubleValue() : null);
    }

    // group output names may not contain dots
    private static String sourceField(TouchpointSource source) {
        return "source_" + source.wireName();
    }

    private static String roleField(CommitteeRole role) {
        return "role_" + role.wireName();
    }
}
