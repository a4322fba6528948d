package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.TouchpointV1;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A readable account history for scenario tests: named contacts with job titles, touchpoints on days after
 * {@link Touchpoints#DAY_0}, ticks of the clock, and the journey events each step caused. Touchpoints take the
 * catalogue's direction; seller-initiated ones come from sales, the others from marketing. Event ids are
 * {@code tp-1}, {@code tp-2}, ... in the order of the story.
 */
final class JourneyStory {

    private final AccountJourney journey;
    private final Map<String, String> titles = new HashMap<>();
    private final List<TouchpointV1> touchpoints = new ArrayList<>();
    private final List<JourneyEventV1> events = new ArrayList<>();
    private List<JourneyEventV1> lastStep = List.of();

    private JourneyStory(AccountJourney journey) {
        this.journey = journey;
    }

    /** An account of {@link Touchpoints#TENANT} on the default journey, as a tenant without its own gets it. */
    static JourneyStory onTheDefaultJourney() {
        return on(JourneyContext.defaults(Touchpoints.TENANT));
    }

    static JourneyStory on(JourneyContext context) {
        return new JourneyStory(AccountJourney.start(Touchpoints.TENANT, Touchpoints.ACCOUNT, context));
    }

    /** A contact of the account with the job title its touchpoints carry. */
    JourneyStory contact(String contactKey, String title) {
        titles.put(contactKey, title);
        return this;
    }

    /** The broad committee of docs/journeys.md's worked example, by title (roles are inferred). */
    JourneyStory withTheAcmeCommittee() {
        return contact("dana", "Director of Operations") // champion
                .contact("tom", "Enterprise Architect") // technical evaluator
                .contact("eve", "Marketing Manager") // end user
                .contact("cfo", "CFO") // economic buyer
                .contact("lee", "General Counsel") // legal/security
                .contact("pat", "Procurement Lead"); // procurement
    }

    /** The days 0–25 of docs/journeys.md's worked example: the committee walks the default journey to Decision. */
    JourneyStory walksToDecision() {
        return touch(0, "dana", "web.visited")
                .touch(2, "dana", "content.downloaded")
                .touch(5, "tom", "content.downloaded")
                .touch(7, "tom", "demo.requested")
                .touch(10, "dana", "meeting.held")
                .touch(11, "cfo", "pricing.viewed")
                .touch(14, "tom", "trial.started")
                .touch(15, "eve", "webinar.attended")
                .touch(18, "lee", "security.review")
                .touch(20, "cfo", "proposal.viewed")
                .touch(25, "pat", "contract.sent");
    }

    /** A touchpoint of a named contact (null: an account-level touchpoint). */
    JourneyStory touch(double day, String contactKey, String type) {
        if (contactKey != null && !titles.containsKey(contactKey)) {
            throw new IllegalArgumentException("unknown contact " + contactKey);
        }
        Direction direction = TouchpointCatalog.defaultDirectionOf(type);
        TouchpointSource source =
                direction == Direction.SELLER_INITIATED ? TouchpointSource.SALES : TouchpointSource.MARKETING;
        TouchpointV1 touchpoint = new TouchpointV1("tp-" + (touchpoints.size() + 1), Touchpoints.TENANT,
                Touchpoints.ACCOUNT, type, source, direction, Touchpoints.day(day), Touchpoints.day(day), contactKey,
                contactKey == null ? null : titles.get(contactKey), Map.of());
        touchpoints.add(touchpoint);
        return record(journey.apply(touchpoint));
    }

    /** The clock reads {@code day}: journey-state's periodic tick (wall time live, watermark in replay). */
    JourneyStory tick(double day) {
        return record(journey.tick(Touchpoints.day(day)));
    }

    private JourneyStory record(List<JourneyEventV1> caused) {
        lastStep = caused;
        events.addAll(caused);
        return this;
    }

    /** The events of the last step (touchpoint or tick). */
    List<JourneyEventV1> lastStep() {
        return lastStep;
    }

    List<JourneyEventV1> events() {
        return events;
    }

    /** Every payload of one kind, in the order they were emitted. */
    <T extends JourneyEventV1.Payload> List<T> all(Class<T> kind) {
        return events.stream().map(JourneyEventV1::data).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The payloads of one kind the last step emitted. */
    <T extends JourneyEventV1.Payload> List<T> lastStep(Class<T> kind) {
        return lastStep.stream().map(JourneyEventV1::data).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The event id of the last touchpoint. */
    String lastTouchpointId() {
        return touchpoints.get(touchpoints.size() - 1).id();
    }

    List<TouchpointV1> touchpoints() {
        return touchpoints;
    }

    AccountJourney journey() {
        return journey;
    }

    AccountSnapshotV1 snapshot() {
        return journey.snapshot();
    }

    AccountSnapshotV1.JourneyProgress progress() {
        return journey.snapshot().journey();
    }

    /** The latest explanation of a kind (stage, momentum, stall, outcome). */
    AccountSnapshotV1.Explanation explanation(String kind) {
        return progress().explanations().stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " explanation in " + progress().explanations()));
    }
}
