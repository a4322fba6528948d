package dev.tandem.ingest.service;

import dev.tandem.ingest.mapping.IngestFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tandem_ingest_touchpoints_total{system, format, path, outcome, reason}}: every item of every request (and
 * every raw record) counted once by what became of it; {@code path} is {@code http} or {@code kafka}. Every tag has few values: outcomes and reasons are fixed sets, formats too, and systems
 * (names an admin gives API keys, or tokens' claims) are capped, later ones counted as {@value #OTHER_SYSTEM}.
 */
public final class IngestMetrics {

    static final String NAME = "tandem.ingest.touchpoints";
    static final String OTHER_SYSTEM = "other";
    /** The reason of what was not rejected. */
    public static final String NO_REASON = "none";
    public static final String RATE_LIMIT = "rate-limit";

    public enum Outcome {
        ACCEPTED, DUPLICATE, REJECTED, THROTTLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final int maxSystems;
    private final Set<String> systems = ConcurrentHashMap.newKeySet();

    public IngestMetrics(MeterRegistry registry, int maxSystems) {
        this.registry = registry;
        this.maxSystems = maxSystems;
    }

    /** Where items come in: the {@code path} tag. */
    public enum Path {
        HTTP, KAFKA;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public void count(String system, IngestFormat format, Outcome outcome, String reason, int items) {
        count(system, format, Path.HTTP, outcome, reason, items);
    }

    public void count(String system, IngestFormat format, Path path, Outcome outcome, String reason, int items) {
        if (items <= 0) {
            return;
        }
        registry.counter(NAME, "system", systemTag(system), "format", format.tag(), "path", path.tag(),
                "outcome", outcome.tag(), "reason", reason).increment(items);
    }

    public void rejected(String system, IngestFormat format, RejectReason reason, int items) {
        count(system, format, Outcome.REJECTED, reason.tag(), items);
    }

    private String systemTag(String system) {
        if (systems.contains(system)) {
            return system;
        }
        // a race may let a few more than the cap in; the bound stays a bound
        if (systems.size() < maxSystems) {
            systems.add(system);
            return system;
        }
        return OTHER_SYSTEM;
    }
}
