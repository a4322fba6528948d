package dev.tandem.ingest.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;

/**
 * The touchpoint ids ({@code system:eventId}) each tenant had accepted within a window, so a resend is answered
 * {@code duplicate} instead of being published again. Bounded per tenant (the least recently written id goes first)
 * and in tenants (the least recently used tenant goes first), so a tenant importing its history forgets only its
 * own ids, never another's. In memory and per instance: a resend that reaches another instance, or comes after the
 * window, is published again, and journey-state's dedupe store drops it there. Thread-safe.
 */
public final class RecentEventIds {

    private final Cache<String, Cache<String, Boolean>> tenants;
    private final Duration window;
    private final long maxIdsPerTenant;
    private final Ticker ticker;

    public RecentEventIds(Duration window, long maxIdsPerTenant, long maxTenants, Ticker ticker) {
        this.window = window;
        this.maxIdsPerTenant = maxIdsPerTenant;
        this.ticker = ticker;
        this.tenants = Caffeine.newBuilder().maximumSize(maxTenants).expireAfterAccess(window).ticker(ticker).build();
    }

    /**
     * Claims the id for the tenant: true when it was not among the recent ones (the caller publishes it), false when
     * it was (a duplicate). Atomic: of two concurrent claims of one id, one wins.
     */
    public boolean claim(String tenantId, String id) {
        return idsOf(tenantId).asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Forgets claimed ids whose publishing failed, so that the sender's retry is published, not a duplicate. */
    public void release(String tenantId, Collection<String> ids) {
        if (!ids.isEmpty()) {
            idsOf(tenantId).invalidateAll(ids);
        }
    }

    private Cache<String, Boolean> idsOf(String tenantId) {
        return tenants.get(tenantId, tenant -> Caffeine.newBuilder().maximumSize(maxIdsPerTenant)
                .expireAfterWrite(window).ticker(ticker).build());
    }
}
