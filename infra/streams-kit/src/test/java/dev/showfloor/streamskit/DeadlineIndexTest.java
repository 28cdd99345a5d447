package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class DeadlineIndexTest {
    @Test
    void dueAggregatesComeOutEarliestFirstOnceAndAreForgotten() {
        KeyValueStore<String, String> store = StateStores.keyValue(StateStores.Kind.MEMORY, "deadlines",
                Serdes.String(), Serdes.String()).withCachingDisabled().withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        DeadlineIndex deadlines = new DeadlineIndex(store);
        deadlines.schedule(2_000, "ord-b", "PENDING_HOLDS");
        deadlines.schedule(999, "ord-a", "PENDING_HOLDS");
        deadlines.schedule(1_500, "ord-a", "AWAITING_PAYMENT");
        deadlines.schedule(10_000_000_000L, "ord-c", "PENDING_HOLDS");

        assertThat(deadlines.takeDue(998)).isEmpty();
        assertThat(deadlines.takeDue(2_000)).containsExactly("ord-a", "ord-b");
        assertThat(deadlines.takeDue(2_000)).as("taken once").isEmpty();
        assertThat(deadlines.takeDue(10_000_000_000L)).containsExactly("ord-c");
    }

    @Test
    void timeKeysKeepTheFormatEntriesWereAlwaysWrittenIn() {
        for (long millis : new long[] {0, 7, 1_764_633_600_000L, 999_999_999_999_999L}) {
            assertThat(DeadlineIndex.timeKey(millis)).isEqualTo(String.format("%015d", millis));
        }
    }
}
