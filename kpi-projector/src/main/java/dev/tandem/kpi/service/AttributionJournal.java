package dev.tandem.kpi.service;

import dev.tandem.events.JourneyEventV1;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.repository.AttributionTouchRepository;
import dev.tandem.kpi.service.AttributionTouches.Changes;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.model.DealOutcome;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution journal around a batch, for the live projection and the rebuild alike: before the events are
 * applied, the stored touchpoints their conversions may credit are loaded (only for accounts with a stage entry or a
 * win among them); after, what the accounts appended and no longer keep is written.
 */
final class AttributionJournal {

    private AttributionJournal() {
    }

    /**
     * Loads into the stored states' facts the touchpoints the accounts' coming events may credit: those kept in
     * {@code recent} from there, the others from the journal (and kept).
     */
    static Uni<Void> loadFor(Map<String, AccountKpis> states, Map<String, List<LoggedEvent>> byAccount,
            AttributionTouchRepository journal, RecentTouches recent) {
        Map<String, List<Long>> wanted = new HashMap<>();
        states.forEach((id, state) -> {
            List<LoggedEvent> events = byAccount.get(id);
            List<Long> missing = events == null ? List.of()
                    : missingFor(state, events.stream().map(LoggedEvent::event).toList());
            if (missing.isEmpty()) {
                return;
            }
            Map<Long, Touch> kept = recent.find(id, missing);
            state.facts().attribution().loaded(kept);
            if (kept.size() < missing.size()) {
                wanted.put(id, missing.stream().filter(seq -> !kept.containsKey(seq)).toList());
            }
        });
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return journal.find(wanted).invoke(found -> found.forEach((id, touches) -> {
            states.get(id).facts().attribution().loaded(touches);
            recent.keep(id, touches);
        })).replaceWithVoid();
    }

    /** Keeps the touchpoints the changes append (they are about to be written). */
    static void keepAppended(Map<String, Changes> changes, RecentTouches recent) {
        changes.forEach((id, change) -> recent.keep(id, change.upserts()));
    }

    /**
     * The stored touchpoints the events may credit that the state does not hold: none unless a stage is entered
     * (an advance credits its window) or a deal is won (a win credits every kept touchpoint) among them.
     */
    static List<Long> missingFor(AccountKpis state, List<JourneyEventV1> events) {
        boolean converts = false;
        boolean mayWin = false;
        for (JourneyEventV1 event : events) {
            JourneyEventV1.Payload data = event.data();
            converts |= data instanceof JourneyEventV1.StageEntered;
            mayWin |= data instanceof JourneyEventV1.DealClosed closed && closed.outcome() == DealOutcome.WON;
        }
        return converts || mayWin ? state.facts().attribution().missing(mayWin) : List.of();
    }

    /** What the accounts' journal needs written, by account id (accounts with nothing to write left out). */
    static Map<String, Changes> changesOf(Collection<AccountKpis> states) {
        Map<String, Changes> changes = new LinkedHashMap<>();
        for (AccountKpis state : states) {
            Changes change = state.facts().attribution().changes();
            if (!change.isEmpty()) {
                changes.put(AccountKpisDocuments.idOf(state.tenantId(), state.accountKey()), change);
            }
        }
        return changes;
    }

    /** Only the appended touchpoints: safe to write before the account, as a replay writes the same. */
    static Map<String, Changes> appended(Map<String, Changes> changes) {
        Map<String, Changes> upserts = new LinkedHashMap<>();
        changes.forEach((id, change) -> {
            if (!change.upserts().isEmpty()) {
                upserts.put(id, new Changes(change.upserts(), List.of()));
            }
        });
        return upserts;
    }

    /**
     * Only the touchpoints no longer kept: to delete once the account that no longer needs them is written (a
     * replay from the state before would still credit them).
     */
    static Map<String, Changes> dropped(Map<String, Changes> changes, Collection<String> written) {
        Map<String, Changes> deletes = new LinkedHashMap<>();
        changes.forEach((id, change) -> {
            if (!change.deletes().isEmpty() && written.contains(id)) {
                deletes.put(id, new Changes(Map.of(), change.deletes()));
            }
        });
        return deletes;
    }
}
