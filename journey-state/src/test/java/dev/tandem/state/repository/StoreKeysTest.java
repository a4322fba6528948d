package dev.tandem.state.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.model.history.HistoryPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Store keys sort like the positions they encode and read back to them. */
class StoreKeysTest {

    private static final long EPOCH_OFFSET = 62_167_219_200L;

    @Test
    void aTimeCodeIsTheFixedWidthSecondsAndNanoseconds() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-EPOCH_OFFSET, 200_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(StoreKeys.timeCode(at))
                    .isEqualTo(String.format("%012d%09d", at.getEpochSecond() + EPOCH_OFFSET, at.getNano()));
        }
        assertThat(StoreKeys.timeCode(Instant.parse("2026-12-02T15:30:00.000000001Z")))
                .isEqualTo("063963444600000000001");
    }

    @Test
    void keysSortLikePositionsAndReadBack() {
        Random random = new Random(11);
        List<HistoryPosition> positions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            positions.add(new HistoryPosition(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
                    random.nextInt(3) * 500_000_000), "tp-" + random.nextInt(50)));
        }
        List<String> keys = positions.stream().map(p -> StoreKeys.position("acme/a1", p)).sorted().toList();
        List<HistoryPosition> sorted = positions.stream().sorted(Comparator.naturalOrder()).toList();

        assertThat(keys.stream().map(StoreKeys::positionOf).toList()).isEqualTo(sorted);
    }
}
