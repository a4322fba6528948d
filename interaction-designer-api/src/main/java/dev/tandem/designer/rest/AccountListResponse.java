package dev.tandem.designer.rest;

import dev.tandem.designer.mapping.AccountListing;
import dev.tandem.designer.mapping.WireNames;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sellers' account list: a page of the tenant's matching accounts, in the order asked for. */
@Schema(name = "AccountList")
public record AccountListResponse(
        @Schema(description = "In the order asked for (default highest momentum first); account key breaks ties")
        List<Item> accounts,
        @Schema(description = "The limit applied") int limit,
        @Schema(nullable = true, description = "Pass as cursor (with the same filters and sort) for the next page; "
                + "null on the last page") String nextCursor) {

    @Schema(name = "AccountListItem")
    public record Item(
            String accountKey,
            @Schema(minimum = "0", maximum = "100") int momentum,
            @Schema(nullable = true, description = "The current stage's key; null before the account has a journey")
            String stage,
            @Schema(nullable = true) String stageName,
            @Schema(nullable = true, enumeration = {"accelerating", "steady", "slowing", "stalled"}) String trend,
            @Schema(description = "Active stalls") int alertCount,
            @Schema(description = "Distinct touchpoints of the account counted so far", minimum = "0")
            long touchpointCount,
            @Schema(nullable = true) java.time.Instant lastTouchpointAt) {
    }

    public static AccountListResponse of(List<AccountListing> listings, int limit, String nextCursor) {
        return new AccountListResponse(listings.stream()
                .map(listing -> new Item(listing.accountKey(), listing.momentum(), listing.stageKey(),
                        listing.stageName(), WireNames.of(listing.trend()), listing.alertCount(),
                        listing.touchpointCount(),
                        listing.lastTouchpointAt()))
                .toList(), limit, nextCursor);
    }
}
