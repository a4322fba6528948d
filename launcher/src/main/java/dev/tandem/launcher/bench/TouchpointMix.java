package dev.tandem.launcher.bench;

import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A reproducible stream of touchpoints like marketing and sales tools send: mostly light marketing signals,
 * fewer sales conversations, committees of up to eight titled contacts per account, a share of resent
 * duplicates. Each account's touchpoints come in event-time order, as most sources emit them.
 */
final class TouchpointMix {

    private static final String[][] TYPES = {
        {"email.opened", "30"}, {"email.clicked", "15"}, {"web.visited", "15"}, {"content.downloaded", "8"},
        {"pricing.viewed", "5"}, {"webinar.registered", "4"}, {"webinar.attended", "4"}, {"ad.clicked", "4"},
        {"demo.requested", "3"}, {"call.connected", "3"}, {"meeting.held", "3"}, {"email.replied", "2"},
        {"trial.started", "1"}, {"proposal.sent", "1"}, {"security.review", "1"}, {"event.attended", "1"}};
    private static final String[] TITLES = {"Chief Financial Officer", "VP Operations", "Director of Operations",
        "Enterprise Architect", "IT Manager", "Support Specialist", "Procurement Manager", "General Counsel",
        "Head of Security", "Marketing Analyst", "CTO", "Business Analyst"};
    private static final int TOTAL_WEIGHT = Arrays.stream(TYPES).mapToInt(t -> Integer.parseInt(t[1])).sum();
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private TouchpointMix() {
    }

    /**
     * {@code events} records over {@code accounts} accounts of tenant {@code tenant}; about
     * {@code duplicateShare} of them are resends of an earlier record of the same account.
     */
    static List<TouchpointV1> generate(String tenant, int events, int accounts, double duplicateShare,
            long seed) {
        Random random = new Random(seed);
        int totalWeight = TOTAL_WEIGHT;
        Instant[] clock = new Instant[accounts];
        List<List<TouchpointV1>> sent = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            clock[a] = START.plus(Duration.ofHours(random.nextInt(24 * 30)));
            sent.add(new ArrayList<>());
        }
        List<TouchpointV1> out = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            int a = random.nextInt(accounts);
            List<TouchpointV1> previous = sent.get(a);
            if (!previous.isEmpty() && random.nextDouble() < duplicateShare) {
                out.add(previous.get(random.nextInt(previous.size())));
                continue;
            }
            clock[a] = clock[a].plus(Duration.ofMinutes(5 + random.nextInt(60 * 24 * 2)));
            int contact = random.nextInt(8);
            String type = pick(random, totalWeight);
            boolean sales = type.startsWith("call.") || type.startsWith("meeting.") || type.startsWith("proposal.");
            TouchpointV1 touchpoint = new TouchpointV1("bench-" + seed + "-" + i, tenant, "account-" + a, type,
                    sales ? TouchpointSource.SALES : TouchpointSource.MARKETING,
                    sales || type.startsWith("email.opened") ? Direction.SELLER_INITIATED : Direction.BUYER_INITIATED,
                    clock[a], clock[a].plusSeconds(2), "c-" + a + "-" + contact,
                    TITLES[(a * 7 + contact * 3) % TITLES.length], Map.of("campaign", "c" + random.nextInt(20)));
            previous.add(touchpoint);
            out.add(touchpoint);
        }
        return out;
    }

    /**
     * Touchpoint number {@code index} of a live stream as a tool would POST it, happening {@code now}: the same mix
     * of types, account {@code index % accounts} (so consecutive touchpoints, and a batch, go to different
     * accounts), committees of up to eight titled contacts, a unique event id.
     */
    static TouchpointInput live(long index, int accounts, Instant now) {
        Random random = new Random(index * 31 + 17);
        String type = pick(random, TOTAL_WEIGHT);
        boolean sales = type.startsWith("call.") || type.startsWith("meeting.") || type.startsWith("proposal.");
        int account = (int) (index % accounts);
        int contact = random.nextInt(8);
        String accountKey = "account-" + account;
        return new TouchpointInput("live-" + index, accountKey, type,
                (sales ? TouchpointSource.SALES : TouchpointSource.MARKETING).wireName(), null, now.toString(),
                new TouchpointInput.Contact("contact" + contact + "@" + accountKey + ".example.com",
                        "Contact " + contact + " of " + accountKey, TITLES[(account * 7 + contact * 3) % TITLES.length]),
                Map.of("campaign", "c" + random.nextInt(20)));
    }

    private static String pick(Random random, int totalWeight) {
        int roll = random.nextInt(totalWeight);
        for (String[] type : TYPES) {
            roll -= Integer.parseInt(type[1]);
            if (roll < 0) {
                return type[0];
            }
        }
        return TYPES[0][0];
    }

    /** How many distinct touchpoints (by event id) the list holds. */
    static long distinct(List<TouchpointV1> touchpoints) {
        return touchpoints.stream().map(TouchpointV1::eventId).distinct().count();
    }

    /**
     * The same records with each account's touchpoints in random order among that account's places in the
     * stream (a backfill from a tool that exports per contact, say): accounts still interleave as before.
     */
    static List<TouchpointV1> shuffledPerAccount(List<TouchpointV1> touchpoints, long seed) {
        Random random = new Random(seed);
        Map<String, List<Integer>> places = new java.util.LinkedHashMap<>();
        for (int i = 0; i < touchpoints.size(); i++) {
            places.computeIfAbsent(touchpoints.get(i).accountKey(), key -> new ArrayList<>()).add(i);
        }
        List<TouchpointV1> out = new ArrayList<>(touchpoints);
        places.values().forEach(indexes -> {
            List<TouchpointV1> mine = new ArrayList<>(indexes.stream().map(touchpoints::get).toList());
            java.util.Collections.shuffle(mine, random);
            for (int i = 0; i < indexes.size(); i++) {
                out.set(indexes.get(i), mine.get(i));
            }
        });
        return out;
    }
}
