package dev.tandem.ingest.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;

/**
 * What this instance last put on the compacted contacts topic for each contact, as a fingerprint of the email,
 * name and title (no personal data kept): a touchpoint whose contact says nothing new publishes no profile again,
 * which halves the records of a tool that names the same people over and over. Only a profile the broker
 * acknowledged is remembered; an erasure forgets the contact at once, and every contact is forgotten after
 * {@value #HOURS} hour(s) or when {@value #CONTACTS} others were seen since, so its profile is published again then.
 */
@ApplicationScoped
public class PublishedProfiles {

    static final int CONTACTS = 100_000;
    static final int HOURS = 1;

    private final Cache<String, Long> published = Caffeine.newBuilder().maximumSize(CONTACTS)
            .expireAfterWrite(Duration.ofHours(HOURS)).build();

    /** Whether exactly this profile was the last one published for its contact. */
    public boolean unchanged(ContactProfileV1 profile) {
        return Objects.equals(published.getIfPresent(keyOf(profile)), fingerprintOf(profile));
    }

    /** Remembers profiles the broker acknowledged (plaintext ones, before sealing). */
    public void published(Iterable<ContactProfileV1> profiles) {
        profiles.forEach(profile -> published.put(keyOf(profile), fingerprintOf(profile)));
    }

    public void forget(String tenantId, String contactKey) {
        published.invalidate(EventKeys.contact(tenantId, contactKey));
    }

    private static String keyOf(ContactProfileV1 profile) {
        return EventKeys.contact(profile.tenantId(), profile.contactKey());
    }

    private static long fingerprintOf(ContactProfileV1 profile) {
        long fingerprint = 1125899906842597L;
        for (String field : new String[] {profile.email(), profile.name(), profile.title()}) {
            String value = field == null ? "\u0000" : field;
            for (int i = 0; i < value.length(); i++) {
                fingerprint = 31 * fingerprint + value.charAt(i);
            }
            fingerprint = 31 * fingerprint + 0x1F; // a separator, so ("ab","c") differs from ("a","bc")
        }
        return fingerprint;
    }
}
