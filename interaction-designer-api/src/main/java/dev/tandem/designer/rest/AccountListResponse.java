package dev.tandem.designer.rest;

import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.WireNames;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sellers' account list: the tenant's matching accounts, highest momentum first. */
@Schema(name = "AccountList")
public record AccountListResponse(
        @Schema(description = "Highest momentum first; account key breaks ties") List<Item> accounts,
        @Schema(description = "The limit applied") int limit) {

    @Schema(name = "AccountListItem")
    public record Item(
            String accountKey,
            @Schema(minimum = "0", maximum = "100") int momentum,
            @Schema(nullable = true, description = "The current stage's key; null before the account has a journey")
            String stage,
            @Schema(nullable = true) String stageName,
            @Schema(nullable = true, enumeration = {"accelerating", "steady", "slowing", "stalled"}) String trend,
            @Schema(description = "Active stalls") int alertCount) {
    }

    public static AccountListResponse of(List<AccountListing> listings, int limit) {
        return new AccountListResponse(listings.stream()
                .map(listing -> new Item(listing.accountKey(), listing.momentum(), listing.stageKey(),
                        listing.stageName(), WireNames.of(listing.trend()), listing.alertCount()))
                .toList(), limit);
    }
}
