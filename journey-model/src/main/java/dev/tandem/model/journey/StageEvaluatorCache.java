package dev.tandem.model.journey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled evaluators by (tenant, journey, version), least recently used evicted beyond a bound. A draft
 * edited without a version bump is recompiled: the cached evaluator is reused only for an equal definition.
 * Thread-safe; compiling happens under the lock, which is fine for the few versions a service sees.
 */
public final class StageEvaluatorCache {

    private record Key(String tenantId, String journeyId, int version) {
    }

    private final int maxEntries;
    private final Map<Key, StageEvaluator> evaluators;

    public StageEvaluatorCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.evaluators = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, StageEvaluator> eldest) {
                return size() > StageEvaluatorCache.this.maxEntries;
            }
        };
    }

    /** The evaluator of this definition, compiled on first use; an invalid definition throws. */
    public synchronized StageEvaluator evaluatorFor(JourneyDefinition definition) {
        Key key = new Key(definition.tenantId(), definition.journeyId(), definition.version());
        StageEvaluator cached = evaluators.get(key);
        if (cached != null && cached.definition().equals(definition)) {
            return cached;
        }
        StageEvaluator compiled = StageEvaluator.compile(definition);
        evaluators.put(key, compiled);
        return compiled;
    }

    public synchronized int size() {
        return evaluators.size();
    }
}
