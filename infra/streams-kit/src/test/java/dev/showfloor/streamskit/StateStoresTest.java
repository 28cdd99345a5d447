package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;

class StateStoresTest {
    @Test
    void eachKindIsLoggedAndCachedAndOnlyRocksDbIsPersistent() {
        for (StateStores.Kind kind : StateStores.Kind.values()) {
            var builder = StateStores.keyValue(kind, "s-" + kind, Serdes.String(), Serdes.Long());
            assertThat(builder.loggingEnabled()).as(kind + " changelog").isTrue();
            KeyValueStore<String, Long> store = builder.build();
            assertThat(store.persistent()).as(kind + " persistent").isEqualTo(kind == StateStores.Kind.ROCKSDB);
        }
    }

    @Test
    void uncachedStoresHaveNoCacheLayer() {
        for (StateStores.Kind kind : StateStores.Kind.values()) {
            KeyValueStore<String, Long> cached = StateStores.keyValue(kind, "c-" + kind, Serdes.String(),
                    Serdes.Long()).build();
            KeyValueStore<String, Long> uncached = StateStores.keyValueUncached(kind, "u-" + kind, Serdes.String(),
                    Serdes.Long()).build();
            assertThat(layers(cached)).as(kind + " cached").anyMatch(layer -> layer.contains("Caching"));
            assertThat(layers(uncached)).as(kind + " uncached").noneMatch(layer -> layer.contains("Caching"))
                    .anyMatch(layer -> layer.contains("ChangeLogging"));
            assertThat(uncached.persistent()).as(kind + " persistent").isEqualTo(kind == StateStores.Kind.ROCKSDB);
        }
    }

    /** The class names of a store's wrapping layers, outermost first. */
    private static List<String> layers(StateStore store) {
        List<String> layers = new ArrayList<>();
        StateStore layer = store;
        while (true) {
            layers.add(layer.getClass().getSimpleName());
            if (!(layer instanceof WrappedStateStore<?, ?, ?> wrapped)) {
                return layers;
            }
            layer = wrapped.wrapped();
        }
    }

    @Test
    void historiesAreLoggedAndInRocksDb() {
        var builder = StateStores.history("h", Duration.ofHours(1), Serdes.String(), Serdes.String());
        assertThat(builder.loggingEnabled()).as("changelog").isTrue();
        WindowStore<String, String> store = builder.build();
        assertThat(store.persistent()).as("persistent").isTrue();
    }
}
