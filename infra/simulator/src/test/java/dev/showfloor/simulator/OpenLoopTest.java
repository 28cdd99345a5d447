package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void fasterThanATickStartsSeveralPerWakeUpButNoneEarly() {
        assertStartsEachOnceInOrderNeverEarly(5_000, 400); // one every 200 µs, five a tick
    }

    @Test
    void slowerThanATickWaitsForEachOperation() {
        assertStartsEachOnceInOrderNeverEarly(500, 20); // one every 2 ms
    }

    private static void assertStartsEachOnceInOrderNeverEarly(double perSecond, int count) {
        List<Integer> started = new ArrayList<>();
        List<Long> startedAt = new ArrayList<>();
        long start = System.nanoTime();
        OpenLoop.paceFrom(start, perSecond, count, i -> {
            started.add(i);
            startedAt.add(System.nanoTime());
        });

        assertThat(started).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(started.get(i)).isEqualTo(i);
            long due = start + (long) (i * 1e9 / perSecond);
            assertThat(startedAt.get(i)).as("operation %d started before it was due", i).isGreaterThanOrEqualTo(due);
        }
    }
}
