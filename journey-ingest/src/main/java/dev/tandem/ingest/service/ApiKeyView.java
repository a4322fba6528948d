package dev.tandem.ingest.service;

import java.time.Instant;

/**
 * An API key as an admin sees it: never its secret (that is shown once, at creation) nor its hash.
 *
 * @param key the whole key to send ({@code tdm_…}); only in the answer that created it, null afterwards
 */
public record ApiKeyView(String id, String system, String label, Instant createdAt, String createdBy,
        Instant revokedAt, String revokedBy, String key) {
}
