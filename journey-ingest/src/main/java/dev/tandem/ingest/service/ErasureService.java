package dev.tandem.ingest.service;

import dev.tandem.events.ErasureV1;
import dev.tandem.events.FieldError;
import dev.tandem.ingest.config.IngestConfig;
import dev.tandem.ingest.messaging.TouchpointPublisher;
import dev.tandem.ingest.repository.ContactKeyRepository;
import dev.tandem.ingest.repository.SegmentUserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import dev.tandem.ingest.repository.ErasureRecord;
import dev.tandem.ingest.repository.ErasureRepository;
import dev.tandem.model.ContactKeys;
import dev.tandem.support.rest.InvalidInputException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Erasure of a person (docs/security.md#erasure): deleting the contact's data key makes every sealed copy of their
 * email, name and title unreadable at once, wherever it lies (topics, dead letters, changelogs, backups); the
 * request then reaches the services that keep plaintext copies, and the erasure completes when each confirmed.
 * Every step is recorded in the vault, so a request survives a restart half-way.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private static final Pattern ERASURE_ID = Pattern.compile("er_[0-9a-f]{32}");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int PUBLISH_BATCH = 100;

    private final ErasureRepository erasures;
    private final ContactKeyRepository contactKeys;
    private final SegmentUserRepository segmentUsers;
    private final PublishedProfiles publishedProfiles;
    private final TouchpointPublisher publisher;
    private final ContactKeys pseudonyms;
    private final List<String> confirmingServices;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean publishing = new AtomicBoolean();

    public ErasureService(ErasureRepository erasures, ContactKeyRepository contactKeys,
            TouchpointPublisher publisher, IngestConfig config, SegmentUserRepository segmentUsers,
            PublishedProfiles publishedProfiles) {
        this.segmentUsers = segmentUsers;
        this.publishedProfiles = publishedProfiles;
        this.erasures = erasures;
        this.contactKeys = contactKeys;
        this.publisher = publisher;
        this.pseudonyms = new ContactKeys(config.pseudonymSecret());
        this.confirmingServices = List.copyOf(config.erasure().confirmingServices());
    }

    /** What an admin names: the person's email, or their contact key, exactly one. */
    public record Subject(String email, String contactKey) {
    }

    /** The erasure and whether this request started it (false: an earlier one covers the person). */
    public record Outcome(ErasureView erasure, boolean started) {
    }

    public Uni<Outcome> request(String tenantId, Subject subject, String requestedBy) {
        String contactKey = contactKeyOf(tenantId, subject);
        return erasures.request(tenantId, contactKey, requestedBy, clock.instant())
                .invoke(requested -> {
                    contactKeys.forget(tenantId, contactKey);
                    publishedProfiles.forget(tenantId, contactKey);
                    if (requested.created()) {
                        // audit: who erased whom (pseudonymously) and when; the email is never logged
                        LOG.infof("Erasure %s requested by %s for tenant %s contact %s: %d data key(s) deleted",
                                requested.erasure().id(), requestedBy, tenantId, contactKey,
                                requested.erasure().keysDeleted());
                        publishPending().subscribe().with(count -> { }, failure -> LOG.warnf(
                                "Erasure %s is recorded but not yet on the log (%s); retried shortly",
                                requested.erasure().id(), failure.toString()));
                    }
                })
                // Segment users that named the contact name it no more (an admin's retry repeats this harmlessly)
                .call(() -> Panache.withTransaction(() -> segmentUsers.forgetContact(tenantId, contactKey)))
                .map(requested -> new Outcome(view(requested.erasure()), requested.created()));
    }

    public Uni<ErasureView> find(String tenantId, String erasureId) {
        if (!ERASURE_ID.matcher(erasureId).matches()) {
            return Uni.createFrom().failure(new NotFoundException("No such erasure"));
        }
        return erasures.find(tenantId, erasureId)
                .map(found -> found.map(this::view).orElseThrow(() -> new NotFoundException("No such erasure")));
    }

    public Uni<List<ErasureView>> list(String tenantId, int limit) {
        return erasures.list(tenantId, limit).map(records -> records.stream().map(this::view).toList());
    }

    /**
     * Puts every recorded request that is not on the log yet there (tombstone and request), oldest first, one at a
     * time; one pass at a time per instance. Two instances may both send one: every reader is idempotent.
     *
     * @return how many were published
     */
    public Uni<Integer> publishPending() {
        if (!publishing.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return erasures.unpublished(PUBLISH_BATCH)
                .onItem().transformToMulti(records -> Multi.createFrom().iterable(records))
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().asList()
                .map(List::size)
                .eventually(() -> publishing.set(false));
    }

    private Uni<ErasureRecord> publish(ErasureRecord record) {
        return publisher.publishErasure(ErasureV1.requested(record.tenantId(), record.id(), record.contactKey(),
                        record.requestedAt()))
                .chain(() -> erasures.markPublished(record.id(), clock.instant(), confirmingServices))
                .invoke(() -> LOG.infof("Erasure %s is on the log; awaiting %s", record.id(), confirmingServices))
                .replaceWith(record);
    }

    /** A service confirmed; a confirmation of an unknown erasure (another vault's) changes nothing. */
    public Uni<Void> confirmed(ErasureV1 confirmation) {
        return erasures.confirm(confirmation.erasureId(), confirmation.service(), clock.instant(), confirmingServices)
                .invoke(() -> LOG.infof("Erasure %s confirmed by %s", confirmation.erasureId(),
                        confirmation.service()));
    }

    private ErasureView view(ErasureRecord record) {
        return ErasureView.of(record, confirmingServices);
    }

    private String contactKeyOf(String tenantId, Subject subject) {
        String email = subject == null ? null : subject.email();
        String contactKey = subject == null ? null : subject.contactKey();
        List<FieldError> errors = new ArrayList<>();
        if ((email == null) == (contactKey == null)) {
            errors.add(new FieldError("", "name the person by exactly one of email and contactKey"));
        } else if (email != null && (email.isBlank() || email.length() > MAX_EMAIL_LENGTH
                || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1)) {
            errors.add(new FieldError("/email", "is not an email address of at most " + MAX_EMAIL_LENGTH
                    + " characters"));
        } else if (contactKey != null && !ContactKeys.isContactKey(contactKey)) {
            errors.add(new FieldError("/contactKey", "is not a contact key (c_ followed by 24 hex digits)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The erasure request is invalid; nothing was erased", errors);
        }
        return email != null ? pseudonyms.keyOf(tenantId, email) : contactKey;
    }
}
