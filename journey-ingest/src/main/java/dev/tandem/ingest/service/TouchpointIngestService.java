package dev.tandem.ingest.service;

import dev.tandem.events.FieldError;
import dev.tandem.ingest.mapping.IngestFormat;
import dev.tandem.ingest.mapping.MappedItem;
import dev.tandem.ingest.mapping.ParsedRequest;
import dev.tandem.ingest.service.IngestMetrics.Outcome;
import dev.tandem.ingest.service.TouchpointRateLimiter.Decision;
import dev.tandem.ingest.service.TouchpointRateLimiter.Rate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts touchpoints item by item: each item of a request is checked on its own (its size, then its content), a
 * valid one accepted recently already is a {@code duplicate}, and only the new valid ones are published, after the
 * tenant's rate limit admitted them. The answer ({@link IngestOutcome}) comes once every published item is on the
 * log ({@code acks=all}). A request as a whole is refused only for what concerns all of it: more items than allowed
 * (413), a single touchpoint over the size limit (413), the rate limit (429), the log not acknowledging (503).
 */
@ApplicationScoped
public class TouchpointIngestService {

    private final TouchpointPipeline pipeline;

    public TouchpointIngestService(TouchpointPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The request's items, sent by {@code sourceSystem} of the tenant (both from the credentials): event ids are
     * the system's, so another system's {@code 1001} is another touchpoint.
     */
    public Uni<IngestOutcome> ingest(String tenantId, String sourceSystem, ParsedRequest request) {
        Instant now = pipeline.now();
        IngestFormat format = request.format();
        refuseOversizedRequest(tenantId, sourceSystem, format, request.items().size());
        return OffEventLoop.compute(() -> checked(tenantId, sourceSystem, request, now))
                .chain(checked -> publishFresh(tenantId, sourceSystem, format, checked.valid(), checked.results(),
                        request.items().size(), now,
                        fresh -> pipeline.publish(tenantId, sourceSystem, fresh, now).replaceWithVoid())
                        .map(ignored -> answered(sourceSystem, format, checked.results())));
    }

    /** A request's items checked: the valid ones, and the rejections in their places of the results. */
    private record Checked(List<MappedItem> valid, ItemResult[] results) {
    }

    private Checked checked(String tenantId, String sourceSystem, ParsedRequest request, Instant now) {
        List<MappedItem> items = request.items();
        ItemResult[] results = new ItemResult[items.size()];
        List<MappedItem> valid = new ArrayList<>(items.size());
        for (MappedItem item : items) {
            ItemResult rejection = pipeline.check(item, tenantId, now);
            if (rejection == null) {
                valid.add(item);
                continue;
            }
            if (!request.array() && RejectReason.TOO_LARGE.tag().equals(rejection.reason())) {
                // one touchpoint over the limit is a request over it
                pipeline.metrics().rejected(sourceSystem, request.format(), RejectReason.TOO_LARGE, 1);
                throw new TooLargeException("The touchpoint is larger than " + pipeline.limits().maxEventBytes()
                        + " bytes; nothing was accepted", rejection.errors());
            }
            results[item.index()] = rejection;
        }
        return new Checked(valid, results);
    }

    /** 413 for a request of more items than a request may carry. */
    void refuseOversizedRequest(String tenantId, String sourceSystem, IngestFormat format, int size) {
        int maxItems = pipeline.maxItemsPerRequest(tenantId);
        if (size > maxItems) {
            pipeline.metrics().rejected(sourceSystem, format, RejectReason.TOO_LARGE, size);
            throw new TooLargeException("A request may carry at most " + maxItems + " touchpoints; this one carries "
                    + size + ". Split it; nothing was accepted",
                    List.of(new FieldError("", "holds " + size + " items; at most " + maxItems)));
        }
    }

    /**
     * The valid items not accepted recently, through the tenant's rate and {@code publish}; fills their results
     * (accepted or duplicate). A refusal by the rate limit or a failure to publish gives the claimed ids back.
     */
    Uni<Void> publishFresh(String tenantId, String sourceSystem, IngestFormat format, List<MappedItem> valid,
            ItemResult[] results, int requestSize, Instant now,
            java.util.function.Function<List<MappedItem>, Uni<Void>> publish) {
        List<MappedItem> fresh = new ArrayList<>(valid.size());
        List<String> claimed = new ArrayList<>(valid.size());
        for (MappedItem item : valid) {
            String id = TouchpointPipeline.touchpointId(sourceSystem, item.eventId());
            // a duplicate within this request too: the first occurrence claimed the id
            if (pipeline.claim(tenantId, id)) {
                fresh.add(item);
                claimed.add(id);
            } else {
                results[item.index()] = ItemResult.duplicate(item.index(), item.eventId());
            }
        }
        if (!fresh.isEmpty()) {
            // last, so that only touchpoints that would otherwise be published spend the tenant's tokens
            Decision decision = pipeline.tryAcquire(tenantId, fresh.size());
            if (!decision.admitted()) {
                pipeline.release(tenantId, claimed);
                // refused whole: every item of the request is throttled, whatever it would have been
                pipeline.metrics().count(sourceSystem, format, Outcome.THROTTLED, IngestMetrics.RATE_LIMIT,
                        requestSize);
                throw new RateLimitedException(rateLimitDetail(pipeline.rateOf(tenantId), fresh.size(),
                        decision.retryAfterSeconds()), decision.retryAfterSeconds());
            }
        }
        // deferred: whatever fails, building the records included, gives the claimed ids back
        return Uni.createFrom().deferred(() -> publish.apply(fresh))
                .onFailure().invoke(() -> pipeline.release(tenantId, claimed))
                .invoke(() -> {
                    for (MappedItem item : fresh) {
                        results[item.index()] = ItemResult.accepted(item.index(), item.eventId());
                    }
                });
    }

    /** The answer, each item counted by what became of it (only an answer per item counts its items so). */
    IngestOutcome answered(String system, IngestFormat format, ItemResult[] results) {
        IngestOutcome outcome = IngestOutcome.of(List.of(results));
        IngestMetrics metrics = pipeline.metrics();
        metrics.count(system, format, Outcome.ACCEPTED, IngestMetrics.NO_REASON, outcome.accepted());
        metrics.count(system, format, Outcome.DUPLICATE, IngestMetrics.NO_REASON, outcome.duplicates());
        Map<String, Integer> rejections = new HashMap<>();
        for (ItemResult result : results) {
            if (result.status() == ItemResult.Status.REJECTED) {
                rejections.merge(result.reason(), 1, Integer::sum);
            }
        }
        rejections.forEach((reason, count) -> metrics.count(system, format, Outcome.REJECTED, reason, count));
        return outcome;
    }

    private static String rateLimitDetail(Rate rate, int touchpoints, long retryAfterSeconds) {
        double perSecond = rate.touchpointsPerSecond();
        String shownRate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.valueOf(perSecond);
        return "This tenant may send " + shownRate + " touchpoints per second, in bursts of up to " + rate.burst()
                + ". Nothing was accepted; the " + touchpoints + " touchpoint(s) of this request fit in "
                + retryAfterSeconds + " s if nothing else is sent meanwhile.";
    }
}
