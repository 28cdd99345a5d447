package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlineIndexTest {
    @Test
    void dueEntriesComeOutEarliestFirstOnceAndAreForgotten() {
        DeadlineIndex<String> deadlines = DeadlineIndex.ofStrings();
        deadlines.schedule(2_000, "ord-b");
        deadlines.schedule(999, "ord-a");
        deadlines.schedule(1_500, "ord-a");
        deadlines.schedule(2_000, "ord-d");
        deadlines.schedule(10_000_000_000L, "ord-c");

        assertThat(deadlines.takeDue(998)).isEmpty();
        assertThat(deadlines.takeDue(2_000)).as("by time, then in the order scheduled")
                .containsExactly("ord-a", "ord-a", "ord-b", "ord-d");
        assertThat(deadlines.takeDue(2_000)).as("taken once").isEmpty();
        assertThat(deadlines.size()).isEqualTo(1);
        assertThat(deadlines.takeDue(10_000_000_000L)).containsExactly("ord-c");
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void aCancelledEntryIsNeitherHandedOutNorCounted() {
        DeadlineIndex<String> deadlines = DeadlineIndex.ofStrings();
        deadlines.schedule(1_000, "hold-a");
        deadlines.schedule(1_000, "hold-b");
        deadlines.schedule(3_000, "hold-c");

        deadlines.cancel(1_000, "hold-a");
        deadlines.cancel(3_000, "hold-c");
        deadlines.cancel(2_000, "hold-b"); // not scheduled then: nothing to cancel
        deadlines.cancel(1_000, "hold-z");

        assertThat(deadlines.size()).isEqualTo(1);
        assertThat(deadlines.takeDue(5_000)).containsExactly("hold-b");
        deadlines.cancel(1_000, "hold-b"); // already handed out
        assertThat(deadlines.size()).isZero();
    }
}
