package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.ContactProfileV1;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedProfilesTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aProfileIsUnchangedOnlyAfterItWasPublishedAndUntilAFieldChangesOrTheContactIsErased() {
        PublishedProfiles profiles = new PublishedProfiles();
        ContactProfileV1 ann = new ContactProfileV1("t1", "c1", "ann@acme.example", "Ann Lee", "CFO", AT);
        assertThat(profiles.unchanged(ann)).isFalse();

        profiles.published(List.of(ann));
        assertThat(profiles.unchanged(ann)).isTrue();
        assertThat(profiles.unchanged(new ContactProfileV1("t1", "c1", "ann@acme.example", "Ann Lee", "CFO",
                AT.plusSeconds(60)))).as("only the fields count, not when").isTrue();
        assertThat(profiles.unchanged(new ContactProfileV1("t1", "c1", "ann@acme.example", "Ann Lee", "COO", AT)))
                .isFalse();
        assertThat(profiles.unchanged(new ContactProfileV1("t1", "c1", "ann@acme.example", "Ann LeeC", "FO", AT)))
                .as("fields do not run into each other").isFalse();
        assertThat(profiles.unchanged(new ContactProfileV1("t2", "c1", "ann@acme.example", "Ann Lee", "CFO", AT)))
                .as("another tenant's contact").isFalse();

        profiles.forget("t1", "c1");
        assertThat(profiles.unchanged(ann)).isFalse();
    }
}
