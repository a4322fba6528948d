package dev.tandem.designer.service;

import dev.tandem.designer.mapping.ContactCard;
import dev.tandem.designer.mapping.ProjectedJourney;
import dev.tandem.designer.mapping.TimelineEntry;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.NextInteractions;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An account's journey as a seller reads it: the committee with names joined, most engaged first.
 *
 * @param momentum committee momentum as of {@code asOf} (decayed since the latest touchpoint)
 * @param progress stage, trend, alerts, history and explanations as of {@code asOf}; null before the account
 *        has a journey
 * @param asOf the instant the view is as of: momentum, stalls and open stage visits are measured up to it
 */
public record AccountJourney(
        String accountKey,
        long version,
        int momentum,
        long touchpointCount,
        Instant lastTouchpointAt,
        List<Member> committee,
        AccountSnapshotV1.JourneyProgress progress,
        Instant asOf,
        NextInteractions.Guidance guidance,
        List<TimelineItem> timeline) {

    public AccountJourney {
        committee = List.copyOf(committee);
        guidance = guidance == null ? new NextInteractions.Guidance(List.of(), List.of()) : guidance;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A touchpoint of the timeline with the contact's name, when known (null: never profiled, or erased). */
    public record TimelineItem(TimelineEntry entry, String name) {
    }

    /** This journey with what the seller should do next. */
    public AccountJourney withGuidance(NextInteractions.Guidance next) {
        return new AccountJourney(accountKey, version, momentum, touchpointCount, lastTouchpointAt, committee,
                progress, asOf, next, timeline);
    }

    /**
     * A committee member; {@code name} and {@code title} are null when the contact is unknown or erased,
     * {@code lastEngagedAt} in accounts projected before it was kept.
     */
    public record Member(String contactKey, String name, String title, CommitteeRole role, RoleSource roleSource,
            double engagement, Instant lastEngagedAt) {
    }

    private static final Comparator<Member> MOST_ENGAGED_FIRST = Comparator.comparingDouble(Member::engagement)
            .reversed()
            .thenComparing(Member::contactKey, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Joins the stored committee with the contacts' current profiles. Names are joined at read time, never
     * stored with the account, so erasing a contact is one delete.
     */
    public static AccountJourney assemble(ProjectedJourney stored, Map<String, ContactCard> contacts, Instant asOf) {
        return assemble(stored, contacts, List.of(), asOf);
    }

    /** As {@link #assemble(ProjectedJourney, Map, Instant)}, with the account's latest touchpoints, newest first. */
    public static AccountJourney assemble(ProjectedJourney stored, Map<String, ContactCard> contacts,
            List<TimelineEntry> timeline, Instant asOf) {
        // right as of now: momentum decayed, a stall the clock brought shown, without waiting for journey-state
        ProjectedJourney journey = stored.asOf(asOf);
        List<Member> committee = journey.committee().stream()
                .map(member -> {
                    ContactCard card = contacts.get(member.contactKey());
                    return new Member(member.contactKey(), card == null ? null : card.name(),
                            card == null ? null : card.title(), member.role(), member.roleSource(),
                            member.engagement(), member.lastEngagedAt());
                })
                .sorted(MOST_ENGAGED_FIRST)
                .toList();
        return new AccountJourney(journey.accountKey(), journey.accountVersion(), journey.momentum(),
                journey.touchpointCount(), journey.lastTouchpointAt(), committee, journey.progress(), asOf, null, timeline.stream().map(entry -> new TimelineItem(entry,
                entry.contactKey() == null || contacts.get(entry.contactKey()) == null ? null
                        : contacts.get(entry.contactKey()).name())).toList());
    }
}
