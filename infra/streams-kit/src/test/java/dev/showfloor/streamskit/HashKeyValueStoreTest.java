package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
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

    @Test
    void keepsEveryLiveEntryThroughChurnPageMovesAndResizes() {
        HashKeyValueStore packed = new HashKeyValueStore("packed");
        packed.init(new MockProcessorContext<>().getStateStoreContext(), packed);
        Map<String, byte[]> model = new HashMap<>();
        Random random = new Random(42);
        // Waves of inserts and deletes over a growing then shrinking key space: pages fill, go sparse and move,
        // the table grows and shrinks; a few values are larger than a page.
        for (int wave = 0; wave < 6; wave++) {
            int keySpace = wave < 3 ? 20_000 * (wave + 1) : 60_000 / (wave - 1);
            for (int op = 0; op < 120_000; op++) {
                String key = "location:sku-" + random.nextInt(12) + "|hold-" + random.nextInt(keySpace);
                Bytes bytes = Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
                int dice = random.nextInt(10);
                if (dice < 5) {
                    byte[] value = new byte[random.nextInt(1_000) == 0 ? HashKeyValueStore.PAGE_BYTES + 10
                            : random.nextInt(200)];
                    random.nextBytes(value);
                    packed.put(bytes, value);
                    model.put(key, value);
                } else if (dice < 8) {
                    assertThat(packed.delete(bytes)).as("delete %s", key).isEqualTo(model.remove(key));
                } else {
                    assertThat(packed.get(bytes)).as("get %s", key).isEqualTo(model.get(key));
                }
            }
            assertThat(packed.approximateNumEntries()).isEqualTo(model.size());
        }
        Map<String, byte[]> scanned = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> all = packed.all()) {
            all.forEachRemaining(entry -> scanned.put(new String(entry.key.get(), StandardCharsets.UTF_8), entry.value));
        }
        assertThat(scanned).containsOnlyKeys(model.keySet());
        model.forEach((key, value) -> assertThat(scanned.get(key)).as(key).isEqualTo(value));
        model.keySet().forEach(key -> packed.delete(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8))));
        assertThat(packed.approximateNumEntries()).isZero();
        assertThat(packed.pagesHeld()).as("pages left once empty").isLessThanOrEqualTo(1);
    }

    private static List<String> keys(KeyValueIterator<String, Integer> entries) {
        List<String> keys = new ArrayList<>();
        try (entries) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
