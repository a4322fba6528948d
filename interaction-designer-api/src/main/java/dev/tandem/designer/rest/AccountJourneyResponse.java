package dev.tandem.designer.rest;

import dev.tandem.designer.service.AccountJourney;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON a seller's tool reads for one account. */
@Schema(name = "AccountJourney")
public record AccountJourneyResponse(
        String accountKey,
        @Schema(minimum = "0", maximum = "100") int momentum,
        @Schema(description = "Most engaged first") List<CommitteeMember> committee,
        @Schema(description = "The account's version; grows with every change") long version,
        long touchpointCount,
        Instant lastTouchpointAt) {

    /** {@code name} and {@code title} are null for a contact never profiled or erased. */
    @Schema(name = "CommitteeMember")
    public record CommitteeMember(
            String contactKey,
            String name,
            String title,
            @Schema(examples = "economic_buyer") String role,
            @Schema(examples = "inferred") String roleSource,
            @Schema(description = "Decayed engagement, two decimals") double engagement) {
    }

    public static AccountJourneyResponse of(AccountJourney journey) {
        List<CommitteeMember> committee = journey.committee().stream()
                .map(member -> new CommitteeMember(member.contactKey(), member.name(), member.title(),
                        member.role() == null ? null : member.role().wireName(),
                        member.roleSource() == null ? null : member.roleSource().name().toLowerCase(Locale.ROOT),
                        twoDecimals(member.engagement())))
                .toList();
        return new AccountJourneyResponse(journey.accountKey(), journey.momentum(), committee, journey.version(),
                journey.touchpointCount(), journey.lastTouchpointAt());
    }

    static double twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
