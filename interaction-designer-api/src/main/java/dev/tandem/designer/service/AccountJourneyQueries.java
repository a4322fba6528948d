package dev.tandem.designer.service;

import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.repository.AccountJourneyRepository;
import dev.tandem.designer.repository.ContactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Reads account journeys for sellers, always within one tenant. */
@ApplicationScoped
public class AccountJourneyQueries {

    private final AccountJourneyRepository journeys;
    private final ContactRepository contacts;
    private final Clock clock;

    public AccountJourneyQueries(AccountJourneyRepository journeys, ContactRepository contacts) {
        this.journeys = journeys;
        this.contacts = contacts;
        this.clock = Clock.systemUTC();
    }

    /** The account's journey; fails with {@link UnknownAccountException} if the tenant has none. */
    public Uni<AccountJourney> journeyOf(String tenantId, String accountKey) {
        return journeys.find(tenantId, accountKey)
                .onItem().ifNull().failWith(() -> new UnknownAccountException(accountKey))
                .chain(journey -> contacts.findCards(tenantId, contactKeysOf(journey))
                        .map(cards -> AccountJourney.assemble(journey, cards, clock.instant())));
    }

    /** The tenant's accounts that match the query, highest momentum first. */
    public Uni<List<AccountListing>> list(String tenantId, AccountListQuery query) {
        return journeys.list(tenantId, query);
    }

    private static List<String> contactKeysOf(ProjectedJourney journey) {
        return journey.committee().stream().map(ProjectedJourney.Member::contactKey).distinct().toList();
    }
}
