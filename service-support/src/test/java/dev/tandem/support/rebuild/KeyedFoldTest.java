package dev.tandem.support.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedFoldTest {

    @Test
    void foldsPerKeyAndFlushesWhenFullAndAtTheEnd() {
        List<List<Integer>> written = new ArrayList<>();
        KeyedFold<Integer> fold = new KeyedFold<>(2, Math::max, written::add);
        fold.add("a", 1);
        fold.add("a", 5);
        fold.add("a", 3);
        assertThat(written).isEmpty();
        fold.add("b", 7);
        assertThat(written).containsExactly(List.of(5, 7));
        fold.add("a", 2);
        fold.flush();
        fold.flush();
        assertThat(written).containsExactly(List.of(5, 7), List.of(2));
        assertThat(fold.flushes()).isEqualTo(2);
    }
}
