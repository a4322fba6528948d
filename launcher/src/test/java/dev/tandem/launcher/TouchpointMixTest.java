package dev.tandem.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.TouchpointV1;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TouchpointMixTest {

    private final List<TouchpointV1> inOrder = TouchpointMix.generate("t", 2_000, 20, 0.02, 3);

    @Test
    void eachAccountsTouchpointsComeInEventTimeOrder() {
        byAccount(inOrder).values().forEach(mine -> assertThat(mine.stream()
                .filter(distinctIds()).map(TouchpointV1::occurredAt).toList()).isSorted());
    }

    @Test
    void shufflingKeepsEveryAccountsPlacesAndTouchpointsButNotTheirOrder() {
        List<TouchpointV1> shuffled = TouchpointMix.shuffledPerAccount(inOrder, 5);

        assertThat(shuffled).hasSameSizeAs(inOrder);
        IntStream.range(0, inOrder.size()).forEach(i ->
                assertThat(shuffled.get(i).accountKey()).isEqualTo(inOrder.get(i).accountKey()));
        Map<String, List<TouchpointV1>> before = byAccount(inOrder);
        Map<String, List<TouchpointV1>> after = byAccount(shuffled);
        before.forEach((account, mine) -> assertThat(after.get(account)).containsExactlyInAnyOrderElementsOf(mine));
        long outOfOrder = after.values().stream()
                .filter(mine -> !mine.stream().map(TouchpointV1::occurredAt).sorted(Comparator.naturalOrder()).toList()
                        .equals(mine.stream().map(TouchpointV1::occurredAt).toList()))
                .count();
        assertThat(outOfOrder).as("accounts whose touchpoints now arrive out of order").isEqualTo(before.size());
    }

    private static Map<String, List<TouchpointV1>> byAccount(List<TouchpointV1> touchpoints) {
        return touchpoints.stream().collect(Collectors.groupingBy(TouchpointV1::accountKey));
    }

    private static java.util.function.Predicate<TouchpointV1> distinctIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(t.eventId());
    }
}
