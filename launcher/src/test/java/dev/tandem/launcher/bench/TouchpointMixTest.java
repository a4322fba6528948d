package dev.tandem.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventJson;
import dev.tandem.events.TouchpointInput;
import dev.tandem.events.TouchpointIntake;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.ContactKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TouchpointMixTest {

    private static final ObjectMapper POSTED = EventJson.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

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

    @Test
    void liveTouchpointsPassTheIngestSchemaAsPosted() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        TouchpointIntake intake = new TouchpointIntake(new ContactKeys("touchpoint-mix-test-secret"));
        for (long index = 0; index < 200; index++) {
            TouchpointInput touchpoint = TouchpointMix.live(index, 50, now);
            // as TandemApi posts it: absent fields left out
            JsonNode sent = POSTED.valueToTree(touchpoint);
            assertThat(intake.validate(sent, "", now)).as(touchpoint.eventId()).isEmpty();
        }
    }

    @Test
    void aBatchOfLiveTouchpointsGoesToAsManyAccountsInTurnWithUniqueIds() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        List<TouchpointInput> stream = LongStream.range(0, 1_000).mapToObj(i -> TouchpointMix.live(i, 500, now))
                .toList();

        assertThat(stream.subList(0, 10)).extracting(TouchpointInput::accountKey).doesNotHaveDuplicates();
        assertThat(stream.get(3).accountKey()).isEqualTo(stream.get(503).accountKey()).isEqualTo("account-3");
        assertThat(stream).extracting(TouchpointInput::eventId).doesNotHaveDuplicates();
        assertThat(stream).extracting(TouchpointInput::occurredAt).containsOnly(now.toString());
        assertThat(stream).extracting(TouchpointInput::type).as("the mix, not one type").contains("email.opened",
                "web.visited", "meeting.held");
    }

    private static Map<String, List<TouchpointV1>> byAccount(List<TouchpointV1> touchpoints) {
        return touchpoints.stream().collect(Collectors.groupingBy(TouchpointV1::accountKey));
    }

    private static java.util.function.Predicate<TouchpointV1> distinctIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(t.eventId());
    }
}
