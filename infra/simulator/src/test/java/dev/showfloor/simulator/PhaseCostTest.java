package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseCostTest {
    @Test
    void perOperationCountsWhatEachTopicGainedAndLeavesOutTopicsThatDidNot() {
        Map<String, Long> before = Map.of("a", 100L, "b", 50L, "idle", 7L);
        Map<String, Long> after = new java.util.TreeMap<>(Map.of("a", 300L, "b", 60L, "idle", 7L, "new", 40L));

        Map<String, Double> perOperation = PhaseCost.perOperation(before, after, 20);

        assertThat(perOperation).containsExactly(Map.entry("a", 10.0), Map.entry("b", 0.5), Map.entry("new", 2.0),
                Map.entry("total", 12.5));
    }
}
