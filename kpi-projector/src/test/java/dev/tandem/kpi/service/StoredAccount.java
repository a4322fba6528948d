package dev.tandem.kpi.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account as the projection stores it, without a database: its document read back before each batch, the
 * attribution touchpoints the batch may credit loaded from a journal in memory first, and the journal written after,
 * as {@link KpiProjection} does with MongoDB.
 */
final class StoredAccount {

    final Map<Long, Touch> journal = new TreeMap<>();
    AccountKpis state;

    StoredAccount(String tenantId, String accountKey) {
        state = AccountKpis.untracked(tenantId, accountKey);
    }

    /** Applies one batch on the stored state; answers the credit its conversions earned. */
    Map<String, Long> apply(List<JourneyEventV1> batch) {
        state = AccountKpisDocuments.fromDocument(AccountKpisDocuments.toDocument(state, Instant.EPOCH));
        Map<Long, Touch> loaded = new HashMap<>();
        for (long seq : AttributionJournal.missingFor(state, batch)) {
            assertThat(journal).as("touchpoint %d asked for is in the journal", seq).containsKey(seq);
            loaded.put(seq, journal.get(seq));
        }
        state.facts().attribution().loaded(loaded);
        state = KpiProjection.applyInOrder(state, batch);
        Map<String, Long> credit = state.facts().drainCredit();
        AttributionTouches.Changes changes = state.facts().attribution().changes();
        journal.putAll(changes.upserts());
        changes.deletes().forEach(seq -> assertThat(journal.remove(seq)).as("deleted %d was stored", seq).isNotNull());
        return credit;
    }
}
