package dev.tandem.ingest.mapping;

import java.util.Locale;

/** How touchpoints came in; also the {@code format} tag of the ingest metrics, so a small fixed set. */
public enum IngestFormat {
    NATIVE,
    CLOUDEVENTS,
    SEGMENT;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
