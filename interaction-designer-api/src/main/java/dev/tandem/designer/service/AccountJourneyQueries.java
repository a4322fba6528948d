package dev.tandem.designer.service;

import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.designer.repository.ReadModelStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Reads account journeys for sellers, always within one tenant. */
@ApplicationScoped
public class AccountJourneyQueries {

    private final ReadModelStore store;
    private final JourneyGuidance guidance;
    private final Clock clock;

    public AccountJourneyQueries(ReadModelStore store, JourneyGuidance guidance) {
        this.store = store;
        this.guidance = guidance;
        this.clock = Clock.systemUTC();
    }

    /**
     * The account's journey with what to do next; fails with {@link UnknownAccountException} if the tenant has
     * none.
     */
    public Uni<AccountJourney> journeyOf(String tenantId, String accountKey) {
        // MongoDB answers on its driver's threads; the guidance reads PostgreSQL, which wants the request's context
        Context context = Vertx.currentContext();
        return store.current().chain(generation -> generation.journeys().find(tenantId, accountKey)
                .onItem().ifNull().failWith(() -> new UnknownAccountException(accountKey))
                .chain(stored -> generation.timelines().find(tenantId, accountKey).chain(timeline ->
                                generation.contacts().findCards(tenantId, contactKeysOf(stored, timeline))
                                        .map(cards -> AccountJourney.assemble(stored, cards, timeline,
                                                clock.instant())))
                        .emitOn(task -> context.runOnContext(ignored -> task.run()))
                        .chain(view -> guidance.of(tenantId, stored, view).map(view::withGuidance))));
    }

    /** A page of the accounts: what matched, and the cursor of the next page (null on the last). */
    public record AccountPage(List<AccountListing> accounts, String nextCursor) {
    }

    /** The tenant's accounts that match the query, in its order, a page at a time. */
    public Uni<AccountPage> list(String tenantId, AccountListQuery query) {
        return store.current().chain(generation -> generation.journeys().list(tenantId, query)).map(found -> {
            if (found.size() <= query.limit()) {
                return new AccountPage(found, null);
            }
            List<AccountListing> page = found.subList(0, query.limit());
            AccountListing last = page.get(page.size() - 1);
            return new AccountPage(page, new AccountListQuery.Cursor(query.sort(), sortValueOf(query.sort(), last),
                    last.accountKey()).encode());
        });
    }

    private static Long sortValueOf(AccountListQuery.Sort sort, AccountListing listing) {
        return switch (sort) {
            case MOMENTUM_DESC, MOMENTUM_ASC -> (long) listing.momentum();
            // accounts without touchpoints sort as the epoch
            case LAST_TOUCHPOINT_DESC, LAST_TOUCHPOINT_ASC ->
                    listing.lastTouchpointAt() == null ? 0L : listing.lastTouchpointAt().toEpochMilli();
            case ACCOUNT_KEY -> null;
        };
    }

    private static List<String> contactKeysOf(ProjectedJourney journey, List<TimelineEntry> timeline) {
        return java.util.stream.Stream.concat(journey.committee().stream().map(ProjectedJourney.Member::contactKey),
                timeline.stream().map(TimelineEntry::contactKey)).filter(java.util.Objects::nonNull).distinct()
                .toList();
    }
}
