package eu.clusternews.pipeline.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void listsTheCountsInTheOrderOfTheirNamesAfterNamesComeAndGoBetweenWrites() {
        Counts counts = new Counts();
        TreeMap<String, Long> expected = new TreeMap<>();
        Random random = new Random(7);
        for (int write = 0; write < 200; write++) {
            for (int change = 0; change < 5; change++) {
                String month = "20" + (10 + random.nextInt(10)) + "-0" + (1 + random.nextInt(9));
                long delta = random.nextInt(3) - 1; // -1, 0 or 1: counts come back to zero and go
                counts.add(month, delta);
                expected.merge(month, delta, Long::sum);
                expected.values().removeIf(count -> count == 0);
            }

            Map<String, Long> written = counts.sorted();

            assertThat(new ArrayList<>(written.keySet())).isEqualTo(List.copyOf(expected.keySet()));
            assertThat(written).isEqualTo(expected);
        }
    }
}
