package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.EngagementPolicy;
import dev.tandem.model.Momentum;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test account's history, folded into {@link CommitteeFacts} and {@link CommitteeActivity} at any day with
 * the real engagement and momentum formulas (the way journey-state will feed the evaluator).
 */
final class CommitteeTimeline {

    static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");

    private record Touch(double day, String contact, String type, TouchpointSource source, Direction direction) {
    }

    private final EngagementPolicy policy = EngagementPolicy.defaults();
    private final Map<String, CommitteeRole> roles = new TreeMap<>();
    private final List<Touch> touches = new ArrayList<>();

    static Instant day(double days) {
        return DAY_0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    CommitteeTimeline member(String contact, CommitteeRole role) {
        roles.put(contact, role);
        return this;
    }

    /** A touchpoint with the catalogue's direction; sellers' touchpoints come from sales, buyers' from marketing. */
    CommitteeTimeline touch(double day, String contact, String type) {
        if (!roles.containsKey(contact)) {
            throw new IllegalArgumentException("unknown member " + contact);
        }
        Direction direction = TouchpointCatalog.defaultDirectionOf(type);
        TouchpointSource source =
                direction == Direction.SELLER_INITIATED ? TouchpointSource.SALES : TouchpointSource.MARKETING;
        touches.add(new Touch(day, contact, type, source, direction));
        return this;
    }

    /** Days of the touchpoints, in order, without repeats. */
    List<Double> touchDays() {
        return touches.stream().map(Touch::day).distinct().sorted().toList();
    }

    CommitteeFacts factsAt(double day) {
        Map<String, Double> engagement = new TreeMap<>();
        Map<String, Long> typeCounts = new TreeMap<>();
        Map<String, Long> sources = new TreeMap<>();
        long buyer = 0;
        long seller = 0;
        for (Touch touch : touches) {
            if (touch.day() > day) {
                continue;
            }
            double contribution = policy.contributionOf(touch.type(), touch.source(), touch.direction());
            engagement.merge(touch.contact(), policy.decay(contribution, Duration.between(day(touch.day()), day(day))),
                    Double::sum);
            typeCounts.merge(touch.type(), 1L, Long::sum);
            sources.merge(touch.source().wireName(), 1L, Long::sum);
            if (touch.direction() == Direction.BUYER_INITIATED) {
                buyer++;
            } else {
                seller++;
            }
        }
        List<Momentum.Input> members = engagement.entrySet().stream()
                .map(e -> new Momentum.Input(roles.get(e.getKey()), e.getValue()))
                .toList();
        CommitteeActivity activity = activityAt(day);
        double daysQuiet = activity.lastMeaningfulTouchAt() == null ? CommitteeFacts.daysBetween(DAY_0, day(day))
                : CommitteeFacts.daysBetween(activity.lastMeaningfulTouchAt(), day(day));
        return CommitteeFacts.summarise(Momentum.of(members, policy), members, policy.engagedThreshold(), typeCounts,
                sources, buyer, seller, daysQuiet);
    }

    CommitteeActivity activityAt(double day) {
        CommitteeActivity activity = CommitteeActivity.none();
        for (Touch touch : touches) {
            if (touch.day() <= day) {
                activity = activity.record(roles.get(touch.contact()), touch.type(), day(touch.day()));
            }
        }
        return activity;
    }
}
