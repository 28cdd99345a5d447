package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashKeyValueStoreTest {
    private KeyValueStore<String, Integer> store;

    @BeforeEach
    void open() {
        var builder = StateStores.byKey(StateStores.Kind.MEMORY, "units", Serdes.String(), Serdes.Integer());
        assertThat(builder.loggingEnabled()).as("changelog").isTrue();
        store = builder.withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        store.put("b|2", 2);
        store.put("a|1", 1);
        store.put("b|1", 3);
        store.put("c", 4);
    }

    @Test
    void answersByKeyAndForgetsDeletedKeys() {
        assertThat(store.get("b|2")).isEqualTo(2);
        assertThat(store.putIfAbsent("b|2", 9)).isEqualTo(2);
        assertThat(store.putIfAbsent("d", 5)).isNull();
        assertThat(store.delete("c")).isEqualTo(4);
        store.put("a|1", null);
        assertThat(store.get("c")).isNull();
        assertThat(store.get("a|1")).isNull();
        assertThat(store.get("d")).isEqualTo(5);
        assertThat(store.approximateNumEntries()).isEqualTo(3);
        assertThat(store.persistent()).isFalse();
    }

    @Test
    void scansAreInKeyOrderLikeASortedStore() {
        assertThat(keys(store.all())).containsExactly("a|1", "b|1", "b|2", "c");
        assertThat(keys(store.reverseAll())).containsExactly("c", "b|2", "b|1", "a|1");
        assertThat(keys(store.range("b|1", "c"))).as("bounds included").containsExactly("b|1", "b|2", "c");
        assertThat(keys(store.prefixScan("b|", Serdes.String().serializer()))).containsExactly("b|1", "b|2");
    }

    @Test
    void closingEmptiesTheStoreForTheChangelogToRestoreIt() {
        store.close();
        assertThat(store.isOpen()).isFalse();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        assertThat(store.approximateNumEntries()).isZero();
    }

    private static List<String> keys(KeyValueIterator<String, Integer> entries) {
        List<String> keys = new ArrayList<>();
        try (entries) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
