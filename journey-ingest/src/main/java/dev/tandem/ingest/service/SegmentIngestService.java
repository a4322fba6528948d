package dev.tandem.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.mapping.IngestFormat;
import dev.tandem.ingest.mapping.MappedItem;
import dev.tandem.ingest.mapping.SegmentMapper;
import dev.tandem.ingest.mapping.SegmentMapper.Call;
import dev.tandem.ingest.mapping.SegmentMapper.Message;
import dev.tandem.ingest.mapping.SegmentRules;
import dev.tandem.ingest.repository.SegmentUserEntity;
import dev.tandem.ingest.repository.SegmentUserRepository;
import dev.tandem.ingest.service.TouchpointPipeline.KnownContact;
import dev.tandem.model.ContactKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segment-spec calls: {@code track}, {@code page} and {@code screen} are touchpoints (through {@link TouchpointPipeline}, like any
 * other); {@code identify} publishes the contact's sealed profile and remembers the user's contact; {@code group}
 * remembers the user's account. A track, page or screen that names no contact or account of its own takes the user's
 * (userId first, then anonymousId), from the calls before it in the same request or else from {@code segment_users}.
 * Each message is answered on its own; the answer comes once everything is on the log and the users are recorded.
 */
@ApplicationScoped
public class SegmentIngestService {

    private final TouchpointPipeline pipeline;
    private final TouchpointIngestService touchpoints;
    private final SegmentUserRepository users;
    private final IngestConfig config;
    private final ContactKeys pseudonyms;

    public SegmentIngestService(TouchpointPipeline pipeline, TouchpointIngestService touchpoints,
            SegmentUserRepository users, IngestConfig config) {
        this.pipeline = pipeline;
        this.touchpoints = touchpoints;
        this.users = users;
        this.config = config;
        this.pseudonyms = new ContactKeys(config.pseudonymSecret());
    }

    /** What is known of a user: a contact by key (from the table) or as sent (earlier in this request), an account. */
    private record User(String contactKey, String sealedTitle, JsonNode contact, String contactWhere,
            String accountKey) {
    }

    /** What a call changes in {@code segment_users}. */
    private record Change(String userHash, String contactKey, String plainTitle, boolean titleGiven,
            String accountKey) {
    }

    /** @param path the call: {@code track}, {@code page}, {@code screen}, {@code identify}, {@code group} or {@code batch} */
    public Uni<SegmentOutcome> ingest(String tenantId, String system, String path, JsonNode body) {
        Instant now = pipeline.now();
        return OffEventLoop.compute(() -> SegmentMapper.parse(path, body, rulesOf(tenantId, system), now.toString()))
                .chain(messages -> {
                    touchpoints.refuseOversizedRequest(tenantId, system, IngestFormat.SEGMENT, messages.size());
                    Set<String> hashes = new LinkedHashSet<>();
                    for (Message message : messages) {
                        hashes.addAll(userHashes(tenantId, system, message));
                    }
                    return Panache.withSession(() -> users.findUsers(tenantId, system, hashes))
                            .chain(rows -> OffEventLoop.compute(() -> judged(tenantId, system, messages,
                                    !"batch".equals(path), known(rows), now)))
                            .chain(judged -> publish(tenantId, system, messages.size(), judged, now));
                });
    }

    /** A request's messages judged: results so far, what to publish, and what to record of its users. */
    private record Judged(ItemResult[] results, List<MappedItem> valid, Map<Integer, KnownContact> knownContacts,
            List<ContactProfileV1> profiles, List<Change> changes, List<Message> recorded) {
    }

    private Judged judged(String tenantId, String system, List<Message> messages, boolean single,
            Map<String, User> known, Instant now) {
        ItemResult[] results = new ItemResult[messages.size()];
        List<MappedItem> valid = new ArrayList<>();
        Map<Integer, KnownContact> knownContacts = new HashMap<>();
        List<ContactProfileV1> profiles = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Message> recorded = new ArrayList<>();
        for (Message message : messages) {
            MappedItem item = message.item();
            if (item.touchpoint() != null && (message.call() == Call.TRACK || message.call() == Call.PAGE
                    || message.call() == Call.SCREEN)) {
                item = withUser(message, userOf(tenantId, system, message, known), knownContacts);
            }
            ItemResult rejection = pipeline.check(item, tenantId, now);
            if (rejection != null) {
                if (single && RejectReason.TOO_LARGE.tag().equals(rejection.reason())) {
                    // one call over the limit is a request over it, as on /v1/touchpoints
                    pipeline.metrics().rejected(system, IngestFormat.SEGMENT, RejectReason.TOO_LARGE, 1);
                    throw new TooLargeException("The message is larger than " + pipeline.limits().maxEventBytes()
                            + " bytes; nothing was accepted", rejection.errors());
                }
                results[item.index()] = rejection;
                continue;
            }
            switch (message.call()) {
                case IDENTIFY -> {
                    JsonNode contact = item.touchpoint().get("contact");
                    String email = contact.get("email").textValue();
                    String contactKey = pipeline.contactKeyOf(tenantId, email);
                    String title = contact.path("title").textValue();
                    profiles.add(new ContactProfileV1(tenantId, contactKey, email.trim(),
                            contact.path("name").textValue(), title, now));
                    for (String hash : userHashes(tenantId, system, message)) {
                        User before = known.get(hash);
                        known.put(hash, new User(null, null, contact, message.item().pointer() + "/traits",
                                before == null ? null : before.accountKey()));
                        changes.add(new Change(hash, contactKey, title, true, null));
                    }
                    recorded.add(message);
                }
                case GROUP -> {
                    String accountKey = item.touchpoint().get("accountKey").textValue();
                    for (String hash : userHashes(tenantId, system, message)) {
                        User before = known.get(hash);
                        known.put(hash, before == null ? new User(null, null, null, null, accountKey)
                                : new User(before.contactKey(), before.sealedTitle(), before.contact(),
                                        before.contactWhere(), accountKey));
                        changes.add(new Change(hash, null, null, false, accountKey));
                    }
                    recorded.add(message);
                }
                default -> valid.add(item);
            }
        }
        return new Judged(results, valid, knownContacts, profiles, changes, recorded);
    }

    private Uni<SegmentOutcome> publish(String tenantId, String system, int requestSize, Judged judged, Instant now) {
        ItemResult[] results = judged.results();
        return touchpoints.publishFresh(tenantId, system, IngestFormat.SEGMENT, judged.valid(), results, requestSize,
                        now, fresh -> pipeline.publish(tenantId, system, fresh, judged.knownContacts(),
                                judged.profiles(), now)
                                .chain(sealed -> record(tenantId, system, judged.changes(), sealed, now)))
                .map(ignored -> {
                    for (Message message : judged.recorded()) {
                        results[message.item().index()] = ItemResult.accepted(message.item().index(),
                                message.item().eventId());
                    }
                    return SegmentOutcome.of(touchpoints.answered(system, IngestFormat.SEGMENT, results));
                });
    }

    /** The track, page or screen with the user's account and contact where it names none of its own. */
    private static MappedItem withUser(Message message, User user, Map<Integer, KnownContact> knownContacts) {
        MappedItem item = message.item();
        if (user == null || (message.ownAccount() || user.accountKey() == null)
                && (message.ownContact() || user.contactKey() == null && user.contact() == null)) {
            return item;
        }
        ObjectNode touchpoint = (ObjectNode) item.touchpoint().deepCopy();
        Map<String, String> origins = new HashMap<>(item.origins());
        if (!message.ownAccount() && user.accountKey() != null) {
            touchpoint.put("accountKey", user.accountKey());
            origins.put("accountKey", message.userPointer());
        }
        if (!message.ownContact()) {
            if (user.contact() != null) {
                // identified earlier in this request: the contact as sent there, keyed and sealed as usual
                touchpoint.set("contact", user.contact());
                origins.put("contact", user.contactWhere());
            } else if (user.contactKey() != null) {
                knownContacts.put(item.index(), new KnownContact(user.contactKey(), user.sealedTitle()));
            }
        }
        return new MappedItem(item.index(), item.sent(), touchpoint, item.errors(), item.pointer(),
                item.dataPointer(), origins, item.reason());
    }

    /** What is known of the message's user: by userId, else by anonymousId. */
    private User userOf(String tenantId, String system, Message message, Map<String, User> known) {
        for (String hash : userHashes(tenantId, system, message)) {
            User user = known.get(hash);
            if (user != null) {
                return user;
            }
        }
        return null;
    }

    /** After the profiles are on the log, the users' rows, with each title sealed as its published profile has it. */
    private Uni<Void> record(String tenantId, String system, List<Change> changes,
            Map<String, ContactProfileV1> sealed, Instant now) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one write per user: the last call's fields win, earlier ones fill what it leaves out
        Map<String, Change> merged = new LinkedHashMap<>();
        for (Change change : changes) {
            merged.merge(change.userHash(), change, (before, after) -> new Change(after.userHash(),
                    after.contactKey() != null ? after.contactKey() : before.contactKey(),
                    after.titleGiven() ? after.plainTitle() : before.plainTitle(),
                    after.titleGiven() || before.titleGiven(),
                    after.accountKey() != null ? after.accountKey() : before.accountKey()));
        }
        return Panache.withTransaction(() -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Change change : merged.values()) {
                ContactProfileV1 profile = change.contactKey() == null ? null : sealed.get(change.contactKey());
                String sealedTitle = profile == null || change.plainTitle() == null ? null : profile.title();
                chain = chain.chain(() -> users.upsert(tenantId, system, change.userHash(), change.contactKey(),
                        sealedTitle, change.titleGiven(), change.accountKey(), now));
            }
            return chain;
        }).onFailure().transform(PublishFailedException::new).replaceWithVoid();
    }

    private static Map<String, User> known(List<SegmentUserEntity> rows) {
        Map<String, User> known = new HashMap<>();
        rows.forEach(row -> known.put(row.userHash,
                new User(row.contactKey, row.sealedTitle, null, null, row.accountKey)));
        return known;
    }

    private List<String> userHashes(String tenantId, String system, Message message) {
        List<String> hashes = new ArrayList<>(2);
        if (message.userId() != null) {
            hashes.add(userHash(tenantId, system, "u:" + message.userId()));
        }
        if (message.anonymousId() != null) {
            hashes.add(userHash(tenantId, system, "a:" + message.anonymousId()));
        }
        return hashes;
    }

    /** The user as the table knows it: an HMAC, so the table holds no user id in clear. */
    String userHash(String tenantId, String system, String user) {
        return pseudonyms.userKeyOf(tenantId, system, user);
    }

    private SegmentRules rulesOf(String tenantId, String system) {
        IngestConfig.Segment segment = config.segment();
        IngestConfig.SegmentTenant tenant = segment.tenants().get(tenantId);
        IngestConfig.SegmentSystem rules = tenant == null ? null : tenant.systems().get(system);
        if (rules == null) {
            return new SegmentRules(Map.of(), segment.source(), segment.pageType(), segment.screenType());
        }
        return new SegmentRules(rules.events(), rules.source().orElse(segment.source()),
                rules.pageType().orElse(segment.pageType()), rules.screenType().orElse(segment.screenType()));
    }
}
