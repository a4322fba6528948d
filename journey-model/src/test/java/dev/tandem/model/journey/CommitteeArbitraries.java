package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointCatalog;
import dev.tandem.model.TouchpointSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of committee facts for the journey properties. */
final class CommitteeArbitraries {

    private static final List<String> TYPES = TouchpointCatalog.standardTypes().stream().sorted().toList();
    private static final List<String> ROLES = Arrays.stream(CommitteeRole.values()).map(CommitteeRole::wireName)
            .toList();
    private static final List<String> SOURCES = Arrays.stream(TouchpointSource.values())
            .map(TouchpointSource::wireName).toList();

    private CommitteeArbitraries() {
    }

    static Arbitrary<CommitteeFacts> facts() {
        Arbitrary<Map<String, Long>> typeCounts = Arbitraries.maps(Arbitraries.of(TYPES),
                Arbitraries.longs().between(0, 6)).ofMaxSize(TYPES.size());
        Arbitrary<List<String>> engagedRoles = Arbitraries.of(ROLES).list().uniqueElements().ofMaxSize(ROLES.size());
        Arbitrary<Map<String, Double>> roles = Arbitraries.maps(Arbitraries.of(ROLES),
                Arbitraries.doubles().between(0, 30)).ofMaxSize(ROLES.size());
        Arbitrary<Map<String, Long>> sources = Arbitraries.maps(Arbitraries.of(SOURCES),
                Arbitraries.longs().between(0, 20)).ofMaxSize(SOURCES.size());
        return Combinators.combine(Arbitraries.integers().between(0, 100), typeCounts, engagedRoles,
                Arbitraries.integers().between(0, 12), roles, Arbitraries.doubles().between(0, 200), sources,
                Arbitraries.longs().between(0, 40))
                .as((momentum, counts, engaged, extraMembers, engagement, days, bySource, buyer) -> {
                    long touchpoints = counts.values().stream().mapToLong(Long::longValue).sum();
                    List<String> types = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey).toList();
                    return new CommitteeFacts(momentum, touchpoints, types, new TreeMap<>(counts),
                            engaged.size() + extraMembers, engaged.size(), engaged, engagement, days,
                            Math.min(buyer, touchpoints), touchpoints - Math.min(buyer, touchpoints), bySource);
                });
    }
}
