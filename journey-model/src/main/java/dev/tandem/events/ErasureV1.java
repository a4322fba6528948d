package dev.tandem.events;

import java.time.Instant;

/**
 * One step of a person's erasure on {@link Topics#ERASURES}, keyed by tenant and contact key. journey-ingest
 * publishes {@code requested} once the contact's data key is deleted; each service that keeps a copy of the
 * person's data deletes it and answers {@code confirmed} with its name. Carries the pseudonymous key only.
 *
 * @param step      {@link #REQUESTED} or {@link #CONFIRMED}
 * @param service   the confirming service; null on a request
 */
public record ErasureV1(
        String tenantId,
        String erasureId,
        String contactKey,
        String step,
        String service,
        Instant at) {

    public static final String REQUESTED = "requested";
    public static final String CONFIRMED = "confirmed";

    public static ErasureV1 requested(String tenantId, String erasureId, String contactKey, Instant at) {
        return new ErasureV1(tenantId, erasureId, contactKey, REQUESTED, null, at);
    }

    public ErasureV1 confirmedBy(String confirmingService, Instant confirmedAt) {
        return new ErasureV1(tenantId, erasureId, contactKey, CONFIRMED, confirmingService, confirmedAt);
    }

    public boolean stepIsRequest() {
        return REQUESTED.equals(step);
    }
}
